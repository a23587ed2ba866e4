import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './emulator-server';

let emulator: Emulator;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  openai = new OpenAI({ apiKey: 'sk-test', baseURL: `${emulator.url}/v1`, maxRetries: 0 });
  anthropic = new Anthropic({ apiKey: 'sk-ant-test', baseURL: emulator.url, maxRetries: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const model = 'gpt-4o-mini';
const ask = (content: string) => openai.chat.completions.create({ model, messages: [{ role: 'user', content }] });
const replyTo = async (content: string) => (await ask(content)).choices[0]!.message.content;

describe('the request record', () => {
  it('records method, path, query, lower-cased headers, parsed and raw body, and completion', async () => {
    const before = Date.now();
    await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] }, { query: { trace: 'yes' }, headers: { 'X-Custom-Thing': 'v' } });
    const [record] = await emulator.waitUntil((records) => records[0]?.completed === true);
    expect(record).toMatchObject({ method: 'POST', path: '/v1/chat/completions', query: { trace: 'yes' }, status: 200, completed: true, aborted: false });
    expect(record!.headers.authorization).toBe('Bearer sk-test');
    expect(record!.headers['x-custom-thing']).toBe('v');
    expect(record!.body).toEqual({ model, messages: [{ role: 'user', content: 'hi' }] });
    expect(JSON.parse(record!.rawBody.toString('utf8'))).toEqual(record!.body);
    expect(record!.receivedAt).toBeGreaterThanOrEqual(before);
  });

  it('accepts a request without any auth header and records that there was none', async () => {
    const response = await fetch(`${emulator.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'no key' }] }),
    });
    expect(response.status).toBe(200);
    expect(emulator.requests[0]!.headers.authorization).toBeUndefined();
    expect(emulator.requests[0]!.headers['x-api-key']).toBeUndefined();
  });

  it('marks a stream the client aborts as aborted and not completed', async () => {
    emulator.enqueue({ text: 'a b c d e f g h i j', chunk_delay_ms: 50 });
    const controller = new AbortController();
    const stream = await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }], stream: true }, { signal: controller.signal });
    let received = 0;
    try {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content && ++received === 2) controller.abort();
      }
    } catch {
      // The SDK may surface the abort as an error; what matters is what the server saw.
    }
    const [record] = await emulator.waitUntil((records) => records[0]?.aborted === true);
    expect(record!.completed).toBe(false);
    expect(record!.status).toBe(200);
  });

  it('marks an Anthropic stream the client aborts as aborted', async () => {
    emulator.enqueue({ text: 'a b c d e f g h i j', chunk_delay_ms: 50 });
    const stream = anthropic.messages.stream({ model: 'claude-emulated-1', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] });
    stream.on('text', () => stream.abort());
    await stream.done().catch(() => undefined);
    await emulator.waitUntil((records) => records[0]?.aborted === true);
  });

  it('waitForRequests resolves at the count and rejects after its timeout', async () => {
    const waiting = emulator.waitForRequests(2, 2_000);
    await ask('one');
    await ask('two');
    expect(await waiting).toHaveLength(2);
    await expect(emulator.waitForRequests(3, 50)).rejects.toThrow(/timed out/);
  });

  it('clear forgets requests but keeps the script; reset forgets both', async () => {
    emulator.setDefault({ text: 'default reply' });
    await ask('x');
    emulator.clear();
    expect(emulator.requests).toHaveLength(0);
    expect(await replyTo('x')).toBe('default reply');
    emulator.reset();
    expect(emulator.requests).toHaveLength(0);
    expect(await replyTo('x')).toBe('echo: x');
  });
});

describe('choosing the behaviour', () => {
  it('takes queued behaviours first, in order, then a directive, then the default, then echo', async () => {
    emulator.setDefault({ text: 'from default' });
    emulator.enqueue({ text: 'queued 1' }, { text: 'queued 2' });
    expect(await replyTo('a [[emulate {"text":"from directive"}]]')).toBe('queued 1');
    expect(await replyTo('a [[emulate {"text":"from directive"}]]')).toBe('queued 2');
    expect(emulator.pendingBehaviours).toBe(0);
    expect(await replyTo('a [[emulate {"text":"from directive"}]]')).toBe('from directive');
    expect(await replyTo('plain')).toBe('from default');
    emulator.setDefault(undefined);
    expect(await replyTo('plain')).toBe('echo: plain');
  });

  it('echoes the prompt without the directive when the directive sets no text', async () => {
    expect(await replyTo('before [[emulate {"usage":{"output_tokens":99}}]] after')).toBe('echo: before  after');
    expect((await ask('[[emulate {"usage":{"output_tokens":99}}]]')).usage!.completion_tokens).toBe(99);
  });

  it('reads a directive in an Anthropic request the same way', async () => {
    const message = await anthropic.messages.create({
      model: 'claude-emulated-1',
      max_tokens: 10,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'go [[emulate {"tool_calls":[{"name":"lookup","arguments":{"q":[1,[2]]}}]}]]' }] }],
    });
    expect(message.content).toMatchObject([{ type: 'tool_use', name: 'lookup', input: { q: [1, [2]] } }]);
    expect(message.stop_reason).toBe('tool_use');
  });

  it('waits delay_ms before answering and chunk_delay_ms between deltas', async () => {
    emulator.enqueue({ delay_ms: 150 }, { text: 'a b c d', chunk_delay_ms: 40 });
    const start = Date.now();
    await ask('x');
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);

    const stream = await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }], stream: true });
    const arrivals: number[] = [];
    for await (const chunk of stream) if (chunk.choices[0]?.delta.content) arrivals.push(Date.now());
    expect(arrivals).toHaveLength(4);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(110);
  });
});

describe('the other endpoints', () => {
  it('lists models in OpenAI format, and in Anthropic format when asked with anthropic-version', async () => {
    const models = [];
    for await (const entry of openai.models.list()) models.push(entry);
    expect(models.length).toBeGreaterThan(0);
    expect(models[0]).toMatchObject({ object: 'model', owned_by: 'emulator' });

    const anthropicModels = await anthropic.models.list();
    expect(anthropicModels.data[0]).toMatchObject({ type: 'model' });
    expect(anthropicModels.data[0]!.id).toBe(models[0]!.id);
  });

  it('makes deterministic embeddings where texts sharing words are closer, in float and base64 encodings', async () => {
    const texts = ['the cat sat on the mat', 'a cat sat on a mat', 'quarterly revenue grew strongly'];
    const viaBase64 = await openai.embeddings.create({ model: 'text-embedding-3-small', input: texts });
    const viaFloat = await openai.embeddings.create({ model: 'text-embedding-3-small', input: texts, encoding_format: 'float' });
    const vectors = viaBase64.data.map((item) => item.embedding);
    expect(vectors[0]).toHaveLength(256);
    vectors.forEach((vector, index) => vector.forEach((value, at) => expect(value).toBeCloseTo(viaFloat.data[index]!.embedding[at]!, 6)));
    const cosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);
    expect(cosine(vectors[0]!, vectors[0]!)).toBeCloseTo(1, 5);
    expect(cosine(vectors[0]!, vectors[1]!)).toBeGreaterThan(cosine(vectors[0]!, vectors[2]!) + 0.3);
    expect(viaBase64.usage.prompt_tokens).toBeGreaterThan(0);

    const sized = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x', dimensions: 64 });
    expect(sized.data[0]!.embedding).toHaveLength(64);
  });

  it('answers an unknown path with 404 in the format of the API it looks like', async () => {
    const openAiStyle = await fetch(`${emulator.url}/v1/nothing`);
    expect(openAiStyle.status).toBe(404);
    expect(await openAiStyle.json()).toHaveProperty('error.message');
    const anthropicStyle = await fetch(`${emulator.url}/v1/messages/batches`, { method: 'POST', body: '{}' });
    expect(await anthropicStyle.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });

  it('closes while a stream is still open', async () => {
    const own = await startEmulator();
    own.enqueue({ text: 'a b c d e f', chunk_delay_ms: 1_000 });
    const response = await fetch(`${own.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'x' }], stream: true }),
    });
    expect(response.status).toBe(200);
    const start = Date.now();
    await own.close();
    expect(Date.now() - start).toBeLessThan(500);
    await expect(response.text()).rejects.toThrow();
  });
});
