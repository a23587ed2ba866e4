import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// The x-ratelimit-* headers on every response to a key with limits, whatever became of the request: answered,
// streamed, relayed as an upstream error, failed after its fallback, or refused by the limit itself. (How the limits
// count is tested in limits/rate-limits-gateway.test.ts and rate-limits-processes.test.ts.)

const LIMITED = { name: 'limited', key: 'gk-limited-0123456789', limits: { rpm: 1_000, tpm: 1_000_000 } };
const TIGHT = { name: 'tight', key: 'gk-tight-0123456789', limits: { rpm: 1 } };

let primary: Emulator;
let backup: Emulator;
let gateway: RunningGateway;

beforeAll(async () => {
  [primary, backup] = await Promise.all([startEmulator(), startEmulator()]);
  const config = emulatorConfig(primary.url, {
    auth: { mode: 'keys' },
    keys: [LIMITED, TIGHT],
    telemetry: { access_log: false },
  });
  (config.providers as Record<string, unknown>[]).push({ name: 'backup', type: 'openai', base_url: `${backup.url}/v1`, timeout: '5s' });
  const models = config.models as Record<string, unknown>[];
  models.find((model) => model.name === 'qwen')!.fallbacks = ['qwen-backup'];
  models.push({ name: 'qwen-backup', targets: [{ provider: 'backup' }] });
  gateway = await startGateway(config);
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([primary?.close(), backup?.close()]);
});

beforeEach(() => {
  primary.reset();
  backup.reset();
});

const openai = (key = LIMITED.key) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });
const anthropic = () => new Anthropic({ baseURL: gateway.url, apiKey: LIMITED.key, maxRetries: 0 });

function expectLimitHeaders(headers: Headers | undefined, limits: { requests?: number; tokens?: number } = { requests: 1_000, tokens: 1_000_000 }): void {
  for (const [kind, limit] of Object.entries(limits)) {
    expect(headers?.get(`x-ratelimit-limit-${kind}`), `x-ratelimit-limit-${kind}`).toBe(String(limit));
    expect(Number(headers?.get(`x-ratelimit-remaining-${kind}`)), `x-ratelimit-remaining-${kind}`).toBeLessThan(limit!);
    expect(headers?.get(`x-ratelimit-reset-${kind}`), `x-ratelimit-reset-${kind}`).toMatch(/^(\d+m)?[\d.]+m?s$/);
  }
}

async function failureOf(call: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await call;
  } catch (error) {
    return error as InstanceType<typeof OpenAI.APIError>;
  }
  throw new Error('the call succeeded');
}

describe('x-ratelimit-* headers for a key with limits', () => {
  it('on an answer (Chat Completions)', async () => {
    const { response } = await openai().chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expectLimitHeaders(response.headers);
  });

  it('on a stream', async () => {
    const { data: stream, response } = await openai()
      .chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'hi' }], stream: true })
      .withResponse();
    for await (const _chunk of stream) void _chunk;
    expectLimitHeaders(response.headers);
  });

  it('on an answer translated for an Anthropic client', async () => {
    const { response } = await anthropic().messages.create({ model: 'qwen', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expectLimitHeaders(response.headers);
  });

  it('on an upstream error relayed to the client (400)', async () => {
    primary.enqueue({ error: { status: 400, message: 'bad' } });
    const error = await failureOf(openai().chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'hi' }] }));
    expect(error.status).toBe(400);
    expectLimitHeaders(error.headers);
  });

  it('on a failure after the fallback (502)', async () => {
    primary.enqueue({ error: { status: 500 } });
    backup.enqueue({ error: { status: 500 } });
    const error = await failureOf(openai().chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'hi' }] }));
    expect(error.status).toBe(502);
    expectLimitHeaders(error.headers);
  });

  it('on the upstream’s own 429, next to its retry-after', async () => {
    primary.enqueue({ error: { status: 429, retry_after: 9 } });
    backup.enqueue({ error: { status: 429, retry_after: 9 } });
    const error = await failureOf(openai().chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'hi' }] }));
    expect(error.status).toBe(429);
    expect(error.headers?.get('retry-after')).toBe('9');
    expectLimitHeaders(error.headers);
  });

  it('on the gateway’s own 429 refusal, with retry-after', async () => {
    const client = openai(TIGHT.key);
    const { response } = await client.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'first' }] }).withResponse();
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('1');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    const refused = await failureOf(client.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'second' }] }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers?.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers?.get('x-ratelimit-limit-requests')).toBe('1');
    expect(refused.headers?.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(refused.headers?.get('x-ratelimit-reset-requests')).toMatch(/^(\d+m)?[\d.]+s$/);
    expect(primary.requests).toHaveLength(1);
  });
});
