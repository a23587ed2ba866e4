import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// A translated stream must reach the client as the upstream produces it: the first content delta is in the
// client's hands while the upstream is still writing the rest.

const SLOW_STREAM = { text: 'one two three four five', chunks: 5, chunk_delay_ms: 300 };

let emulator: Emulator;
let gateway: RunningGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway(emulatorConfig(emulator.url));
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => emulator.reset());

/** Whether the upstream had finished its response; read at the moment the client got its first content. */
function upstreamCompleted(): boolean {
  const [record] = emulator.requests;
  if (!record) throw new Error('the upstream received no request');
  return record.completed;
}

describe('translated streams are not buffered', () => {
  it('OpenAI client, Anthropic target: the first content chunk arrives before the upstream has finished', async () => {
    emulator.enqueue(SLOW_STREAM);
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gk-client-key', maxRetries: 0 });
    const stream = await openai.chat.completions.create({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'slow' }], stream: true });
    let completedAtFirstContent: boolean | undefined;
    let text = '';
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta.content;
      if (!content) continue;
      completedAtFirstContent ??= upstreamCompleted();
      text += content;
    }
    expect(emulator.requests[0]!.path).toBe('/v1/messages');
    expect(completedAtFirstContent).toBe(false);
    expect(text).toBe('one two three four five');
    await emulator.waitUntil((records) => records[0]?.completed === true);
  });

  it('Anthropic client, OpenAI-compatible target: the first text delta arrives before the upstream has finished', async () => {
    emulator.enqueue(SLOW_STREAM);
    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'gk-client-key', maxRetries: 0 });
    const stream = await anthropic.messages.create({ model: 'qwen', max_tokens: 50, messages: [{ role: 'user', content: 'slow' }], stream: true });
    let completedAtFirstContent: boolean | undefined;
    let text = '';
    for await (const event of stream) {
      if (event.type !== 'content_block_delta' || event.delta.type !== 'text_delta') continue;
      completedAtFirstContent ??= upstreamCompleted();
      text += event.delta.text;
    }
    expect(emulator.requests[0]!.path).toBe('/v1/chat/completions');
    expect(completedAtFirstContent).toBe(false);
    expect(text).toBe('one two three four five');
    await emulator.waitUntil((records) => records[0]?.completed === true);
  });
});

describe('a client that leaves a translated stream (the gateway keeps serving)', () => {
  const LONG_STREAM = { text: 'a b c d e f g h i j k l m n o p', chunks: 16, chunk_delay_ms: 100 };

  it('an OpenAI client of an Anthropic target aborts the upstream call', async () => {
    emulator.enqueue(LONG_STREAM);
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gk-client-key', maxRetries: 0 });
    const controller = new AbortController();
    const stream = await openai.chat.completions.create(
      { model: 'claude-sonnet', messages: [{ role: 'user', content: 'long' }], stream: true },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    const [record] = await emulator.waitUntil((records) => records[0]?.aborted === true);
    expect(record!.path).toBe('/v1/messages');
    expect(record!.completed).toBe(false);

    const after = await openai.chat.completions.create({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'still there?' }] });
    expect(after.choices[0]!.message.content).toBe('echo: still there?');
  });

  it('an Anthropic client of an OpenAI-compatible target aborts the upstream call', async () => {
    emulator.enqueue(LONG_STREAM);
    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'gk-client-key', maxRetries: 0 });
    const controller = new AbortController();
    const stream = await anthropic.messages.create(
      { model: 'qwen', max_tokens: 50, messages: [{ role: 'user', content: 'long' }], stream: true },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    const [record] = await emulator.waitUntil((records) => records[0]?.aborted === true);
    expect(record!.path).toBe('/v1/chat/completions');
    expect(record!.completed).toBe(false);

    const after = await anthropic.messages.create({ model: 'qwen', max_tokens: 50, messages: [{ role: 'user', content: 'still there?' }] });
    expect(after.content).toMatchObject([{ type: 'text', text: 'echo: still there?' }]);
  });
});
