import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './emulator-server';

let emulator: Emulator;
let paced: Emulator;
let openai: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator({ fast: true, streamChunks: 4 });
  paced = await startEmulator({ fast: true, streamChunks: 3, streamChunkDelayMs: 40 });
  openai = new OpenAI({ apiKey: 'sk-test', baseURL: `${emulator.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await emulator.close();
  await paced.close();
});

const messages = [{ role: 'user' as const, content: 'hello [[emulate {"text":"ignored in fast mode"}]]' }];

describe('fast (benchmark) mode', () => {
  it('answers every chat completion with the same fixed reply and records nothing', async () => {
    const first = await openai.chat.completions.create({ model: 'any', messages });
    const second = await openai.chat.completions.create({ model: 'other', messages });
    const text = first.choices[0]!.message.content!;
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toContain('ignored');
    expect(second.choices[0]!.message.content).toBe(text);
    expect(first.usage!.total_tokens).toBeGreaterThan(0);
    expect(emulator.requests).toHaveLength(0);
  });

  it('streams the fixed reply in the configured number of chunks, with usage when asked', async () => {
    const plain = await openai.chat.completions.create({ model: 'any', messages: [{ role: 'user', content: 'x' }] });
    const stream = await openai.chat.completions.create({ model: 'any', messages, stream: true, stream_options: { include_usage: true } });
    const contents: string[] = [];
    let usage: unknown;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) contents.push(chunk.choices[0].delta.content);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(contents).toHaveLength(4);
    expect(contents.join('')).toBe(plain.choices[0]!.message.content);
    expect(usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 16 });

    const withoutUsage = await openai.chat.completions.create({ model: 'any', messages, stream: true });
    for await (const chunk of withoutUsage) expect(chunk.usage).toBeUndefined();
  });

  it('speaks Anthropic Messages and the Responses API too', async () => {
    const anthropic = new Anthropic({ apiKey: 'k', baseURL: emulator.url, maxRetries: 0 });
    const message = await anthropic.messages.stream({ model: 'claude-emulated-1', max_tokens: 5, messages }).finalMessage();
    expect(message.content[0]).toMatchObject({ type: 'text' });
    expect(message.usage.output_tokens).toBe(16);

    const response = await openai.responses.create({ model: 'any', input: 'x' });
    expect(response.status).toBe('completed');
    expect(response.output_text.length).toBeGreaterThan(10);
  });

  it('paces streamed chunks by streamChunkDelayMs', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${paced.url}/v1`, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'any', messages, stream: true });
    const arrivals: number[] = [];
    for await (const chunk of stream) if (chunk.choices[0]?.delta.content) arrivals.push(Date.now());
    expect(arrivals).toHaveLength(3);
    expect(arrivals[2]! - arrivals[0]!).toBeGreaterThanOrEqual(70);
  });

  it('still serves the model list', async () => {
    const page = await openai.models.list();
    expect(page.data.length).toBeGreaterThan(0);
  });
});
