import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

let emulator: Emulator;
let gateway: RunningGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway(emulatorConfig(emulator.url, { server: { host: '127.0.0.1', port: 0, body_limit: '64kb' } }));
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

const chatBody = (fields: Record<string, unknown>) => JSON.stringify({ model: 'qwen', messages: [{ role: 'user', content: 'x' }], ...fields });
const messagesBody = (fields: Record<string, unknown>) =>
  JSON.stringify({ model: 'claude-sonnet', max_tokens: 10, messages: [{ role: 'user', content: 'x' }], ...fields });

describe('bad input is answered before any upstream call, in the format of the API called', () => {
  const cases: [string, string | Uint8Array, string | undefined][] = [
    ['malformed JSON', '{"model": "qwen", "messages": [', undefined],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x6d, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), undefined],
    ['an empty body', '', undefined],
    ['a JSON array', '[1,2]', undefined],
    ['a JSON string', '"hello"', undefined],
  ];

  it.each(cases)('%s → 400 OpenAI error on /v1/chat/completions', async (_name, body) => {
    const response = await post('/v1/chat/completions', body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { type: string; message: string } };
    expect(json.error.type).toBe('invalid_request_error');
    expect(json.error.message.length).toBeGreaterThan(10);
  });

  it.each(cases)('%s → 400 Anthropic error on /v1/messages', async (_name, body) => {
    const response = await post('/v1/messages', body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });

  it.each([
    ['messages', chatBody({ messages: 'hello' })],
    ['max_tokens', chatBody({ max_tokens: 'ten' })],
    ['stream', chatBody({ stream: 'yes' })],
    ['model', JSON.stringify({ messages: [] })],
  ])('names the wrong field %s (OpenAI)', async (field, body) => {
    const response = await post('/v1/chat/completions', body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { message: string; param: string } };
    expect(json.error.param).toBe(field);
    expect(json.error.message).toContain(field);
  });

  it.each([
    ['messages', messagesBody({ messages: { role: 'user' } })],
    ['max_tokens', messagesBody({ max_tokens: '10' })],
    ['stream', messagesBody({ stream: 1 })],
    ['model', JSON.stringify({ max_tokens: 5, messages: [] })],
  ])('names the wrong field %s (Anthropic)', async (field, body) => {
    const response = await post('/v1/messages', body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { message: string } };
    expect(json.error.message).toContain(field);
  });

  it('answers a body over server.body_limit with 413 in the caller format', async () => {
    const huge = messagesBody({ messages: [{ role: 'user', content: 'x'.repeat(70 * 1024) }] });
    const anthropicResponse = await post('/v1/messages', huge);
    expect(anthropicResponse.status).toBe(413);
    expect(await anthropicResponse.json()).toMatchObject({ type: 'error', error: { type: 'request_too_large' } });
    const openaiResponse = await post('/v1/chat/completions', huge);
    expect(openaiResponse.status).toBe(413);
    expect(await openaiResponse.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it('reads a body sent in chunks without a length, and answers 413 once a chunked body passes the limit', async () => {
    const chunked = (parts: string[]) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
          controller.close();
        },
      });
    const send = (parts: string[]) =>
      fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked(parts), duplex: 'half' } as RequestInit);
    const whole = chatBody({});
    const answered = await send([whole.slice(0, 10), whole.slice(10, 30), whole.slice(30)]);
    expect(answered.status).toBe(200);
    const overLimit = await send([whole.slice(0, -1), ' '.repeat(40 * 1024), ' '.repeat(40 * 1024), '}']);
    expect(overLimit.status).toBe(413);
    expect(await overLimit.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it('accepts a JSON body sent with curl -d (a form content type)', async () => {
    const response = await post('/v1/chat/completions', chatBody({}), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(200);
  });

  it('made no upstream call for any bad request, and keeps serving', async () => {
    expect(emulator.requests.every((record) => record.status === 200)).toBe(true);
    const response = await post('/v1/chat/completions', chatBody({}));
    expect(response.status).toBe(200);
  });
});

describe('the rest of the surface', () => {
  it('echoes a sane x-request-id and makes one when absent', async () => {
    const echoed = await fetch(`${gateway.url}/health`, { headers: { 'x-request-id': 'req-abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('req-abc-123');
    const made = await fetch(`${gateway.url}/health`, { headers: { 'x-request-id': 'bad id\twith tab' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists the configured models in OpenAI format, and in Anthropic format when asked', async () => {
    const openaiList = (await (await fetch(`${gateway.url}/v1/models`)).json()) as { object: string; data: { id: string }[] };
    expect(openaiList.object).toBe('list');
    expect(openaiList.data.map((model) => model.id)).toEqual(['claude-sonnet', 'qwen']);
    const anthropicList = (await (await fetch(`${gateway.url}/v1/models`, { headers: { 'anthropic-version': '2023-06-01' } })).json()) as {
      data: { type: string; id: string }[];
      has_more: boolean;
    };
    expect(anthropicList.data[0]).toMatchObject({ type: 'model', id: 'claude-sonnet' });
    expect(anthropicList.has_more).toBe(false);
  });

  it('answers /health and /ready', async () => {
    expect(await (await fetch(`${gateway.url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${gateway.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { providers: { ok: true } } });
  });

  it('answers an unknown /v1 route with 404 in the caller format', async () => {
    const response = await post('/v1/nothing-here', '{}');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: 'not_found_error' } });
  });
});

describe('a gateway with no provider', () => {
  it('starts, and /v1 answers 503 saying how to add one', async () => {
    const empty = await startGateway({ server: { host: '127.0.0.1', port: 0 }, auth: { mode: 'open' } });
    try {
      const response = await fetch(`${empty.url}/v1/chat/completions`, { method: 'POST', body: chatBody({}) });
      expect(response.status).toBe(503);
      const json = (await response.json()) as { error: { message: string } };
      expect(json.error.message).toContain('ANTHROPIC_API_KEY');
      const ready = await fetch(`${empty.url}/ready`);
      expect(ready.status).toBe(503);
    } finally {
      await empty.close();
    }
  });
});
