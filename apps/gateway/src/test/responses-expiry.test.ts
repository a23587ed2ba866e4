import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { describeOnEachResponsesStore, withResponsesStore } from './each-responses-store';
import { type RunningGateway, startGateway } from './gateway-harness';
import { responsesGatewayConfig } from './responses-gateway-config';

// Stored responses expire after `responses.ttl`: then they are unknown to GET, DELETE, input_items and
// previous_response_id alike.

/** Polls `check` every 50 ms until it holds, for at most `timeoutMs`; returns how long it took. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await sleep(50);
  }
  throw new Error(`still not so after ${timeoutMs} ms`);
}

async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    if (error instanceof OpenAI.APIError && error.status !== undefined) return error.status;
    throw error;
  }
}

describeOnEachResponsesStore('stored responses expire after responses.ttl', (store) => {
  let emulator: Emulator;
  let gateway: RunningGateway;
  let openai: OpenAI;

  beforeAll(async () => {
    emulator = await startEmulator();
    gateway = await startGateway(withResponsesStore(responsesGatewayConfig(emulator.url), store, '1s'));
    openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gk-client-key', maxRetries: 0 });
  });

  afterAll(async () => {
    await gateway?.close();
    await emulator?.close();
  });

  it('keeps a response for the TTL, then answers 404 for it everywhere and 400 to a follow-up', async () => {
    const madeAt = Date.now();
    const [translated, passedThrough] = await Promise.all([
      openai.responses.create({ model: 'claude-sonnet', input: 'Short-lived.' }),
      openai.responses.stream({ model: 'gpt-native', input: 'Short-lived too.' }).finalResponse(),
    ]);
    expect((await openai.responses.retrieve(translated.id)).id).toBe(translated.id);
    expect((await openai.responses.retrieve(passedThrough.id)).id).toBe(passedThrough.id);

    await eventually(async () => (await statusOf(openai.responses.retrieve(translated.id))) === 404, 5000);
    await eventually(async () => (await statusOf(openai.responses.retrieve(passedThrough.id))) === 404, 5000);
    // Not gone before its time (less the time the create itself took).
    expect(Date.now() - madeAt).toBeGreaterThanOrEqual(900);

    for (const id of [translated.id, passedThrough.id]) {
      expect(await statusOf(openai.responses.inputItems.list(id))).toBe(404);
      expect(await statusOf(openai.responses.delete(id))).toBe(404);
      const followUp = await openai.responses.create({ model: 'qwen', input: 'Still there?', previous_response_id: id }).catch((error: unknown) => error);
      expect(followUp).toBeInstanceOf(OpenAI.BadRequestError);
      expect((followUp as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ message: `Previous response with id '${id}' not found.` });
    }
  });
});
