import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { describeOnEachResponsesStore, withResponsesStore } from './each-responses-store';
import { type RunningGateway, startGateway } from './gateway-harness';
import { RESPONSES_TARGETS, responsesGatewayConfig } from './responses-gateway-config';

// GET /v1/responses/{id}, DELETE /v1/responses/{id} and GET /v1/responses/{id}/input_items with the official openai
// SDK, on the in-memory store and on Redis, right after each create (no waiting: a returned response is stored).

async function failureOf(call: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describeOnEachResponsesStore('stored responses', (store) => {
  let emulator: Emulator;
  let gateway: RunningGateway;
  let openai: OpenAI;

  beforeAll(async () => {
    emulator = await startEmulator();
    gateway = await startGateway(withResponsesStore(responsesGatewayConfig(emulator.url), store));
    openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gk-client-key', maxRetries: 0 });
  });

  afterAll(async () => {
    await gateway?.close();
    await emulator?.close();
  });

  beforeEach(() => emulator.reset());

  describe.each(RESPONSES_TARGETS)('made through $model', (target) => {
    it('retrieves the response as it was returned, then deletes it: 404 from then on', async () => {
      const created = await openai.responses.create({ model: target.model, instructions: 'Be kind.', input: 'Keep this one.', metadata: { k: 'v' } });
      const retrieved = await openai.responses.retrieve(created.id);
      expect(retrieved).toEqual(created);
      expect(retrieved.output_text).toBe('echo: Keep this one.');

      await openai.responses.delete(created.id);
      const gone = await failureOf(openai.responses.retrieve(created.id));
      expect(gone).toBeInstanceOf(OpenAI.NotFoundError);
      expect((gone.error as { message: string }).message).toBe(`Response with id '${created.id}' not found.`);
      expect((await failureOf(openai.responses.delete(created.id))).status).toBe(404);
      expect((await failureOf(openai.responses.inputItems.list(created.id))).status).toBe(404);
      const followUp = await failureOf(openai.responses.create({ model: target.model, input: 'and?', previous_response_id: created.id }));
      expect(followUp.status).toBe(400);
      expect(followUp.error).toMatchObject({ param: 'previous_response_id' });
    });

    it('answers DELETE with the deleted object', async () => {
      const created = await openai.responses.create({ model: target.model, input: 'Delete me.' });
      const response = await fetch(`${gateway.url}/v1/responses/${created.id}`, { method: 'DELETE' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id: created.id, object: 'response', deleted: true });
    });

    it('does not keep a response made with store: false', async () => {
      const created = await openai.responses.create({ model: target.model, input: 'Forget me.', store: false });
      expect((created as { store?: boolean }).store).toBe(false);
      expect(created.output_text).toBe('echo: Forget me.');
      expect((await failureOf(openai.responses.retrieve(created.id))).status).toBe(404);
      const followUp = await failureOf(openai.responses.create({ model: target.model, input: 'and?', previous_response_id: created.id }));
      expect(followUp.error).toMatchObject({ type: 'invalid_request_error', message: `Previous response with id '${created.id}' not found.` });
    });

    it('does not keep a streamed response made with store: false', async () => {
      const created = await openai.responses.stream({ model: target.model, input: 'Forget me too.', store: false }).finalResponse();
      expect(created.output_text).toBe('echo: Forget me too.');
      expect((await failureOf(openai.responses.retrieve(created.id))).status).toBe(404);
    });

    it('lists the input items with ids, newest first by default, in pages by limit, after and order', async () => {
      const created = await openai.responses.create({
        model: target.model,
        input: [
          { role: 'developer', content: 'Answer plainly.' },
          { role: 'user', content: 'First question' },
          { role: 'assistant', content: 'First answer' },
          { role: 'user', content: 'Second question' },
          { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Third question' }] },
        ],
      });
      const texts = (items: OpenAI.Responses.ResponseItem[]) =>
        items.map((item) => (item.type === 'message' ? `${item.role}:${(item.content[0] as { text: string }).text}` : item.type));
      const all = ['developer:Answer plainly.', 'user:First question', 'assistant:First answer', 'user:Second question', 'user:Third question'];

      const newestFirst = await openai.responses.inputItems.list(created.id);
      expect(texts(newestFirst.data)).toEqual([...all].reverse());
      expect(newestFirst.has_more).toBe(false);
      for (const item of newestFirst.data) expect(item).toMatchObject({ type: 'message', id: expect.stringMatching(/^msg_\w+$/), status: 'completed' });
      expect(new Set(newestFirst.data.map((item) => item.id)).size).toBe(5);

      const first = await openai.responses.inputItems.list(created.id, { limit: 2, order: 'asc' });
      expect(texts(first.data)).toEqual(all.slice(0, 2));
      expect(first.has_more).toBe(true);
      const raw = (await fetch(`${gateway.url}/v1/responses/${created.id}/input_items?limit=2&order=asc&after=${first.data[1]!.id}`).then((r) =>
        r.json(),
      )) as { data: OpenAI.Responses.ResponseItem[]; last_id: string };
      expect(raw).toMatchObject({ object: 'list', first_id: expect.any(String), last_id: expect.any(String), has_more: true });
      expect(texts(raw.data)).toEqual(all.slice(2, 4));
      const last = await openai.responses.inputItems.list(created.id, { limit: 2, order: 'asc', after: raw.last_id });
      expect(texts(last.data)).toEqual(all.slice(4));
      expect(last.has_more).toBe(false);

      // The SDK's auto-pagination walks every page with `after`.
      const walked: OpenAI.Responses.ResponseItem[] = [];
      for await (const item of openai.responses.inputItems.list(created.id, { limit: 2, order: 'asc' })) walked.push(item);
      expect(texts(walked)).toEqual(all);
      const walkedBack: OpenAI.Responses.ResponseItem[] = [];
      for await (const item of openai.responses.inputItems.list(created.id, { limit: 3 })) walkedBack.push(item);
      expect(texts(walkedBack)).toEqual([...all].reverse());

      expect((await openai.responses.inputItems.list(created.id, { after: 'msg_unknown' })).data).toEqual([]);
      const badLimit = await failureOf(openai.responses.inputItems.list(created.id, { limit: 0 }));
      expect(badLimit.status).toBe(400);
      expect(badLimit.error).toMatchObject({ type: 'invalid_request_error', param: 'limit' });
    });

    it('lists a string input as one user message', async () => {
      const created = await openai.responses.create({ model: target.model, input: 'Just this.' });
      const page = await openai.responses.inputItems.list(created.id);
      expect(page.data).toEqual([
        { id: expect.stringMatching(/^msg_/), type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Just this.' }] },
      ]);
    });
  });

  it('answers an unknown id with 404 on GET, DELETE and input_items', async () => {
    for (const call of [
      () => openai.responses.retrieve('resp_unknown'),
      () => openai.responses.delete('resp_unknown'),
      () => openai.responses.inputItems.list('resp_unknown'),
    ]) {
      const error = await failureOf(call());
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect((error.error as { message: string }).message).toBe("Response with id 'resp_unknown' not found.");
    }
  });
});
