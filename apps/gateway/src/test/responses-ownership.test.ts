import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { describeOnEachResponsesStore, withResponsesStore } from './each-responses-store';
import { type RunningGateway, startGateway } from './gateway-harness';
import { responsesGatewayConfig } from './responses-gateway-config';

// A stored response belongs to the team of the key that made it (to the key itself when it has no team): every key
// of that team reads and continues it, any other key gets 404 (400 for previous_response_id), as if it did not exist.

const KEYS = {
  researchOne: { name: 'research-one', key: 'gk-research-one-0123456789', team: 'research' },
  researchTwo: { name: 'research-two', key: 'gk-research-two-0123456789', team: 'research' },
  operations: { name: 'operations', key: 'gk-operations-0123456789', team: 'operations' },
  loneOne: { name: 'lone-one', key: 'gk-lone-one-0123456789' },
  loneTwo: { name: 'lone-two', key: 'gk-lone-two-0123456789' },
};

async function failureOf(call: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describeOnEachResponsesStore('stored responses and teams', (store) => {
  let emulator: Emulator;
  let gateway: RunningGateway;
  const clients = {} as Record<keyof typeof KEYS, OpenAI>;

  beforeAll(async () => {
    emulator = await startEmulator();
    const config = responsesGatewayConfig(emulator.url, { auth: { mode: 'keys' }, keys: Object.values(KEYS) });
    gateway = await startGateway(withResponsesStore(config, store));
    for (const [name, key] of Object.entries(KEYS)) {
      clients[name as keyof typeof KEYS] = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key.key, maxRetries: 0 });
    }
  });

  afterAll(async () => {
    await gateway?.close();
    await emulator?.close();
  });

  beforeEach(() => emulator.reset());

  /** Every way another owner could reach a response: each is refused as if the id were unknown. */
  async function expectHiddenFrom(client: OpenAI, id: string, model: string): Promise<void> {
    for (const call of [() => client.responses.retrieve(id), () => client.responses.delete(id), () => client.responses.inputItems.list(id)]) {
      const error = await failureOf(call());
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect((error.error as { message: string }).message).toBe(`Response with id '${id}' not found.`);
    }
    const followUp = await failureOf(client.responses.create({ model, input: 'Tell me what they said.', previous_response_id: id }));
    expect(followUp.status).toBe(400);
    expect(followUp.error).toMatchObject({ type: 'invalid_request_error', message: `Previous response with id '${id}' not found.` });
  }

  describe.each(['claude-sonnet', 'qwen', 'gpt-native'])('made through %s', (model) => {
    it('is read and continued by every key of its team, and is a 404 for another team', async () => {
      const created = await clients.researchOne.responses.create({ model, input: 'Our secret plan.' });

      expect(await clients.researchTwo.responses.retrieve(created.id)).toEqual(created);
      expect((await clients.researchTwo.responses.inputItems.list(created.id)).data).toHaveLength(1);
      const continued = await clients.researchTwo.responses.create({ model, input: 'And then?', previous_response_id: created.id });
      expect(JSON.stringify(emulator.requests.at(-1)!.body)).toContain('Our secret plan.');
      expect(continued.output_text).toBe('echo: And then?');

      const callsBefore = emulator.requests.length;
      await expectHiddenFrom(clients.operations, created.id, model);
      await expectHiddenFrom(clients.operations, continued.id, model);
      expect(emulator.requests).toHaveLength(callsBefore);

      // The other team's DELETE changed nothing.
      expect((await clients.researchOne.responses.retrieve(created.id)).id).toBe(created.id);
      await clients.researchTwo.responses.delete(created.id);
      expect((await failureOf(clients.researchOne.responses.retrieve(created.id))).status).toBe(404);
    });
  });

  it('belongs to the key itself when the key has no team', async () => {
    const created = await clients.loneOne.responses.stream({ model: 'qwen', input: 'Just mine.' }).finalResponse();
    expect((await clients.loneOne.responses.retrieve(created.id)).output_text).toBe('echo: Just mine.');
    await expectHiddenFrom(clients.loneTwo, created.id, 'qwen');
    await expectHiddenFrom(clients.researchOne, created.id, 'qwen');
    expect((await clients.loneOne.responses.retrieve(created.id)).id).toBe(created.id);
  });

  it('refuses the stored-response endpoints without a key', async () => {
    const created = await clients.researchOne.responses.create({ model: 'qwen', input: 'Keyed.' });
    for (const [method, path] of [
      ['GET', `/v1/responses/${created.id}`],
      ['DELETE', `/v1/responses/${created.id}`],
      ['GET', `/v1/responses/${created.id}/input_items`],
    ] as const) {
      const response = await fetch(`${gateway.url}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(await response.json()).toMatchObject({ error: { type: 'authentication_error' } });
    }
    expect((await clients.researchOne.responses.retrieve(created.id)).id).toBe(created.id);
  });
});
