import { createServer } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, type EmulatorBehaviour, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// Fallback and retries through the real gateway, called with the official SDKs. Two emulators play two providers:
// `primary` serves each model's own target, `backup` its fallback model. Which upstream received what is read from
// the emulators' records; how many attempts a request took from x-gatehouse-attempts.

/** A port nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let primary: Emulator;
let backup: Emulator;
let gateway: RunningGateway;
let openai: OpenAI;
let anthropic: Anthropic;

/** Config for both emulators: every model on `primary` falls back to a model on `backup`. */
function fallbackConfig(refusedPort: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const openaiAt = (name: string, emulator: Emulator, settings: Record<string, unknown> = {}) => ({
    name,
    type: 'openai',
    base_url: `${emulator.url}/v1`,
    api_key: `sk-${name}`,
    timeout: '5s',
    ...settings,
  });
  return emulatorConfig(primary.url, {
    providers: [
      openaiAt('openai-primary', primary),
      { name: 'anthropic-primary', type: 'anthropic', base_url: primary.url, api_key: 'sk-ant-primary', timeout: '5s' },
      openaiAt('openai-backup', backup),
      { name: 'anthropic-backup', type: 'anthropic', base_url: backup.url, api_key: 'sk-ant-backup', timeout: '5s' },
      // Default retries: one, on connection errors only (here with a short backoff).
      { name: 'refused', type: 'openai', base_url: `http://127.0.0.1:${refusedPort}/v1`, timeout: '5s', retries: { backoff_ms: 10 } },
      { name: 'refused-too', type: 'openai', base_url: `http://127.0.0.1:${refusedPort}/v1`, timeout: '5s', retries: { max: 0 } },
      openaiAt('slow-primary', primary, { timeout: '300ms' }),
      openaiAt('slow-backup', backup, { timeout: '300ms' }),
      openaiAt('retrying', primary, { retries: { max: 2, on: ['5xx'], backoff_ms: 10 } }),
      openaiAt('patient', primary, { retries: { max: 1, on: ['429'], backoff_ms: 10 } }),
    ],
    models: [
      { name: 'chat', targets: [{ provider: 'openai-primary', model: 'chat-upstream' }], fallbacks: ['chat-backup'] },
      { name: 'chat-backup', targets: [{ provider: 'openai-backup', model: 'chat-backup-upstream' }] },
      { name: 'messages', targets: [{ provider: 'anthropic-primary', model: 'messages-upstream' }], fallbacks: ['messages-backup'] },
      { name: 'messages-backup', targets: [{ provider: 'anthropic-backup', model: 'messages-backup-upstream' }] },
      { name: 'unreachable', targets: [{ provider: 'refused' }], fallbacks: ['chat-backup'] },
      { name: 'all-unreachable', targets: [{ provider: 'refused-too' }], fallbacks: ['unreachable-too'] },
      { name: 'unreachable-too', targets: [{ provider: 'refused-too', model: 'other-upstream' }] },
      { name: 'slow', targets: [{ provider: 'slow-primary' }], fallbacks: ['chat-backup'] },
      { name: 'all-slow', targets: [{ provider: 'slow-primary' }], fallbacks: ['slow-backup'] },
      { name: 'slow-backup', targets: [{ provider: 'slow-backup' }] },
      { name: 'retried', targets: [{ provider: 'retrying' }], fallbacks: ['chat-backup'] },
      { name: 'patient', targets: [{ provider: 'patient' }], fallbacks: ['chat-backup'] },
    ],
    // Every test here fails the same targets again and again: circuits would open (routing-breaker.test.ts covers that).
    circuit_breaker: { enabled: false },
    telemetry: { access_log: false },
    ...extra,
  });
}

beforeAll(async () => {
  [primary, backup] = await Promise.all([startEmulator(), startEmulator()]);
  gateway = await startGateway(fallbackConfig(await closedPort()));
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'unused', maxRetries: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([primary?.close(), backup?.close()]);
});

beforeEach(() => {
  primary.reset();
  backup.reset();
});

const chat = (model: string, content = 'hello') =>
  openai.chat.completions.create({ model, messages: [{ role: 'user', content }] }).withResponse();
const message = (model: string, content = 'hello') =>
  anthropic.messages.create({ model, max_tokens: 50, messages: [{ role: 'user', content }] }).withResponse();

/** The SDK error a call failed with. */
async function failureOf<T extends Error>(call: Promise<unknown>): Promise<T> {
  try {
    await call;
  } catch (error) {
    return error as T;
  }
  throw new Error('the call succeeded');
}

const upstreamModels = (emulator: Emulator) => emulator.requests.map((record) => (record.body as { model: string }).model);

const RETRYABLE_STATUSES: { class: string; error: EmulatorBehaviour['error'] }[] = [
  { class: '408', error: { status: 408, message: 'request timeout' } },
  { class: '429 with retry-after', error: { status: 429, message: 'slow down', retry_after: 30 } },
  { class: '500', error: { status: 500, message: 'internal error' } },
  { class: '502', error: { status: 502, message: 'bad gateway' } },
  { class: '503', error: { status: 503, message: 'unavailable' } },
  { class: '529', error: { status: 529, type: 'overloaded_error', message: 'Overloaded' } },
];

describe('fallback on each retryable class', () => {
  it.each(RETRYABLE_STATUSES)('an OpenAI upstream answering $class: the fallback model answers, in 2 attempts', async ({ error }) => {
    primary.enqueue({ error });
    const { data, response } = await chat('chat', 'fall over please');
    expect(data.choices[0]!.message.content).toBe('echo: fall over please');
    expect(response.headers.get('x-gatehouse-attempts')).toBe('2');
    expect(response.headers.get('x-gatehouse-model')).toBe('chat-backup');
    expect(response.headers.get('x-gatehouse-provider')).toBe('openai-backup');
    expect(upstreamModels(primary)).toEqual(['chat-upstream']);
    expect(upstreamModels(backup)).toEqual(['chat-backup-upstream']);
  });

  it.each(RETRYABLE_STATUSES)('an Anthropic upstream answering $class: the fallback model answers, in 2 attempts', async ({ error }) => {
    primary.enqueue({ error });
    const { data, response } = await message('messages', 'fall over please');
    expect(data.content[0]).toMatchObject({ type: 'text', text: 'echo: fall over please' });
    expect(response.headers.get('x-gatehouse-attempts')).toBe('2');
    expect(response.headers.get('x-gatehouse-model')).toBe('messages-backup');
    expect(response.headers.get('x-gatehouse-provider')).toBe('anthropic-backup');
    expect(upstreamModels(primary)).toEqual(['messages-upstream']);
    expect(upstreamModels(backup)).toEqual(['messages-backup-upstream']);
  });

  it('a connection refused: retried once on the same target (the default policy), then the fallback answers', async () => {
    const { data, response } = await chat('unreachable', 'anyone there?');
    expect(data.choices[0]!.message.content).toBe('echo: anyone there?');
    expect(response.headers.get('x-gatehouse-attempts')).toBe('3');
    expect(response.headers.get('x-gatehouse-model')).toBe('chat-backup');
    expect(upstreamModels(backup)).toEqual(['chat-backup-upstream']);
  });

  // undici checks its header and body timeouts on a clock that ticks about every half second, so a 300ms provider
  // timeout fires between 0.3 and 1.5 s: the upstream stays silent well past that.
  it('a timeout (provider timeout 300ms, upstream silent for 4s): the fallback answers, and the slow call is cancelled', async () => {
    primary.enqueue({ delay_ms: 4_000 });
    const started = Date.now();
    const { data, response } = await chat('slow', 'too slow?');
    expect(data.choices[0]!.message.content).toBe('echo: too slow?');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(response.headers.get('x-gatehouse-attempts')).toBe('2');
    expect(response.headers.get('x-gatehouse-model')).toBe('chat-backup');
    const [slowCall] = await primary.waitUntil((records) => records[0]?.aborted === true);
    expect(slowCall!.completed).toBe(false);
  });

  it('a failed Anthropic upstream falls over to a fallback of another dialect (translated)', async () => {
    const config = fallbackConfig(1);
    const models = config.models as { name: string; fallbacks?: string[] }[];
    models.find((model) => model.name === 'messages')!.fallbacks = ['chat-backup'];
    const translating = await startGateway(config);
    try {
      primary.enqueue({ error: { status: 529, type: 'overloaded_error' } });
      const client = new Anthropic({ baseURL: translating.url, apiKey: 'unused', maxRetries: 0 });
      const { data, response } = await client.messages.create({ model: 'messages', max_tokens: 50, messages: [{ role: 'user', content: 'across' }] }).withResponse();
      expect(data.content[0]).toMatchObject({ type: 'text', text: 'echo: across' });
      expect(data.model).toBe('messages');
      expect(response.headers.get('x-gatehouse-provider')).toBe('openai-backup');
      expect(backup.requests[0]!.path).toBe('/v1/chat/completions');
    } finally {
      await translating.close();
    }
  });
});

describe('never fallback on the client’s own mistakes', () => {
  it.each([
    [400, OpenAI.BadRequestError],
    [404, OpenAI.NotFoundError],
    [422, OpenAI.UnprocessableEntityError],
  ])('an upstream %i is relayed after 1 attempt; the fallback is never called', async (status, errorClass) => {
    primary.enqueue({ error: { status, message: `upstream says ${status}` } });
    const error = await failureOf<InstanceType<typeof OpenAI.APIError>>(chat('chat'));
    expect(error).toBeInstanceOf(errorClass);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`upstream says ${status}`);
    expect(error.headers?.get('x-gatehouse-attempts')).toBe('1');
    expect(primary.requests).toHaveLength(1);
    expect(backup.requests).toHaveLength(0);
  });

  it('an Anthropic upstream 400 is relayed in Anthropic’s shape, without fallback', async () => {
    primary.enqueue({ error: { status: 400, type: 'invalid_request_error', message: 'messages: bad turn order' } });
    const error = await failureOf<InstanceType<typeof Anthropic.APIError>>(message('messages'));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: 'messages: bad turn order' } });
    expect(error.headers?.get('x-gatehouse-attempts')).toBe('1');
    expect(backup.requests).toHaveLength(0);
  });
});

describe('retries on the same target (the provider’s retries policy)', () => {
  it('retries 5xx up to max with backoff, and answers from the same target when a retry succeeds', async () => {
    primary.enqueue({ error: { status: 500 } }, { error: { status: 503 } });
    const { data, response } = await chat('retried', 'third time lucky');
    expect(data.choices[0]!.message.content).toBe('echo: third time lucky');
    expect(response.headers.get('x-gatehouse-attempts')).toBe('3');
    expect(response.headers.get('x-gatehouse-model')).toBe('retried');
    expect(primary.requests).toHaveLength(3);
    expect(backup.requests).toHaveLength(0);
  });

  it('moves on to the fallback once the retries are spent', async () => {
    primary.enqueue({ error: { status: 500 } }, { error: { status: 500 } }, { error: { status: 500 } });
    const { response } = await chat('retried');
    expect(response.headers.get('x-gatehouse-attempts')).toBe('4');
    expect(response.headers.get('x-gatehouse-model')).toBe('chat-backup');
    expect(primary.requests).toHaveLength(3);
    expect(backup.requests).toHaveLength(1);
  });

  it('does not retry what the policy does not name (a 429 with on: [5xx]): straight to the fallback', async () => {
    primary.enqueue({ error: { status: 429, retry_after: 1 } });
    const { response } = await chat('retried');
    expect(response.headers.get('x-gatehouse-attempts')).toBe('2');
    expect(primary.requests).toHaveLength(1);
  });

  it('waits at least the upstream’s retry-after before retrying', async () => {
    primary.enqueue({ error: { status: 429, message: 'wait a bit', retry_after: 0.3 } });
    const { response } = await chat('patient', 'after the wait');
    expect(response.headers.get('x-gatehouse-attempts')).toBe('2');
    expect(response.headers.get('x-gatehouse-model')).toBe('patient');
    const [first, second] = primary.requests;
    // Timers may fire a millisecond early against the wall clock.
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(299);
  });

  it('does not wait for a retry-after longer than it is worth: moves on to the fallback at once', async () => {
    primary.enqueue({ error: { status: 429, retry_after: 60 } });
    const started = Date.now();
    const { response } = await chat('patient');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.headers.get('x-gatehouse-model')).toBe('chat-backup');
    expect(primary.requests).toHaveLength(1);
  });
});

describe('when the fallbacks cannot get around the failure', () => {
  it('relays the final upstream 429 as 429 with its retry-after', async () => {
    primary.enqueue({ error: { status: 429, message: 'primary busy', retry_after: 20 } });
    backup.enqueue({ error: { status: 429, message: 'backup busy', retry_after: 7 } });
    const error = await failureOf<InstanceType<typeof OpenAI.APIError>>(chat('chat'));
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.headers?.get('retry-after')).toBe('7');
    expect(error.headers?.get('x-gatehouse-attempts')).toBe('2');

    primary.enqueue({ error: { status: 429, type: 'rate_limit_error', message: 'primary busy', retry_after: 20 } });
    backup.enqueue({ error: { status: 429, type: 'rate_limit_error', message: 'backup busy', retry_after: 7 } });
    const anthropicError = await failureOf<InstanceType<typeof Anthropic.APIError>>(message('messages'));
    expect(anthropicError).toBeInstanceOf(Anthropic.RateLimitError);
    expect(anthropicError.headers?.get('retry-after')).toBe('7');
    expect(anthropicError.error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
  });

  it.each([
    { case: 'server errors', primaryError: { status: 500 }, backupError: { status: 500 }, expected: 502 },
    { case: 'a server error, then an overload', primaryError: { status: 500 }, backupError: { status: 503 }, expected: 503 },
    { case: 'overloads (529)', primaryError: { status: 529 }, backupError: { status: 529 }, expected: 503 },
    { case: 'bad gateways', primaryError: { status: 502 }, backupError: { status: 502 }, expected: 502 },
    { case: 'an overload, then a 408', primaryError: { status: 503 }, backupError: { status: 408 }, expected: 504 },
  ])('regression: answers $expected after $case, not the last upstream status (Anthropic client)', async ({ primaryError, backupError, expected }) => {
    primary.enqueue({ error: primaryError });
    backup.enqueue({ error: backupError });
    const error = await failureOf<InstanceType<typeof Anthropic.APIError>>(message('messages'));
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error.status).toBe(expected);
    expect(error.error).toMatchObject({ type: 'error' });
    expect(error.headers?.get('x-gatehouse-attempts')).toBe('2');
  });

  it('answers 502 when no upstream can be reached (OpenAI client)', async () => {
    const error = await failureOf<InstanceType<typeof OpenAI.APIError>>(chat('all-unreachable'));
    expect(error.status).toBe(502);
    expect(error.headers?.get('x-gatehouse-attempts')).toBe('2');
  });

  it('answers 504 when every upstream timed out (OpenAI client)', async () => {
    primary.enqueue({ delay_ms: 4_000 });
    backup.enqueue({ delay_ms: 4_000 });
    const error = await failureOf<InstanceType<typeof OpenAI.APIError>>(chat('all-slow'));
    expect(error.status).toBe(504);
    expect(error.headers?.get('x-gatehouse-attempts')).toBe('2');
  });
});

describe('the overall request deadline (server.request_timeout)', () => {
  let bounded: RunningGateway;
  let client: OpenAI;

  beforeAll(async () => {
    bounded = await startGateway(fallbackConfig(await closedPort(), { server: { host: '127.0.0.1', port: 0, request_timeout: '400ms' } }));
    client = new OpenAI({ baseURL: `${bounded.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  });

  afterAll(() => bounded?.close());

  it('regression: answers 504 at the deadline while an attempt is still waiting, and cancels that upstream call', async () => {
    primary.enqueue({ delay_ms: 3_000 });
    const started = Date.now();
    const error = await failureOf<InstanceType<typeof OpenAI.APIError>>(client.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.status).toBe(504);
    expect(error.message).toContain('server.request_timeout');
    expect(error.headers?.get('x-gatehouse-attempts')).toBe('1');
    await primary.waitUntil((records) => records[0]?.aborted === true);
    expect(backup.requests).toHaveLength(0);
  });

  it('stops retrying at the deadline and starts no fallback after it', async () => {
    // Each attempt fails after 150 ms and the provider retries 5xx twice: the deadline (400 ms) comes first.
    primary.setDefault({ delay_ms: 150, error: { status: 500 } });
    const error = await failureOf<InstanceType<typeof OpenAI.APIError>>(client.chat.completions.create({ model: 'retried', messages: [{ role: 'user', content: 'x' }] }));
    expect(error.status).toBe(504);
    expect(error.message).toContain('server.request_timeout');
    expect(primary.requests.length).toBeGreaterThanOrEqual(1);
    expect(primary.requests.length).toBeLessThanOrEqual(3);
    expect(backup.requests).toHaveLength(0);
  });
});
