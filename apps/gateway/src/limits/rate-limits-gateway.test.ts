import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from '../test/gateway-harness';
import { reachTestRedis, TEST_REDIS_URL } from './redis-for-tests';

const redis = await reachTestRedis();

describe.skipIf(redis.skipReason)(`rate limits in the gateway, shared through Redis${redis.skipReason ? ` — skipped: ${redis.skipReason}` : ''}`, () => {
  // Names unique per run: the limits live in a Redis that outlives the test.
  const run = randomUUID().slice(0, 8);
  const keys = {
    burst: { name: `burst-${run}`, key: `gh-burst-${run}`, limits: { rpm: 20 } },
    tokens: { name: `tokens-${run}`, key: `gh-tokens-${run}`, limits: { tpm: 100 } },
  };
  let emulator: Emulator;
  let gateway: RunningGateway;

  beforeAll(async () => {
    emulator = await startEmulator();
    const config = emulatorConfig(emulator.url, { auth: { mode: 'keys' }, keys: Object.values(keys) });
    config.storage = { ...(config.storage as object), redis: TEST_REDIS_URL };
    gateway = await startGateway(config);
  });

  afterAll(async () => {
    await gateway?.close();
    await emulator?.close();
    await redis.closeAll();
  });

  const chat = (key: string, content = 'hello') =>
    fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'qwen', messages: [{ role: 'user', content }] }),
    });

  it('admits exactly the limit of 50 concurrent requests, refusing the rest with 429 and retry-after in the caller’s format', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => chat(keys.burst.key)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30);
    const admitted = responses.find((response) => response.status === 200)!;
    expect(admitted.headers.get('x-ratelimit-limit-requests')).toBe('20');
    expect(Number(admitted.headers.get('x-ratelimit-remaining-requests'))).toBeLessThan(20);
    expect(admitted.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+(\.\d+)?s$|^\d+m[\d.]+s$/);
    const refused = responses.find((response) => response.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { error: { message: string; type: string } };
    expect(body.error.message).toBe(`Rate limit reached: key "${keys.burst.name}" allows 20 requests per minute; try again in 3 s`);

    const anthropic = await fetch(`${gateway.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': keys.burst.key, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'qwen', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(anthropic.status).toBe(429);
    expect(await anthropic.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/^gatehouse_rate_limited_total\{limit="rpm",model="qwen"\} 31$/m);
  });

  it('charges estimated tokens up front and settles them with the real usage when the response ends', async () => {
    // Each prompt is estimated at about 11 tokens: three would fit in 100 without settling.
    const prompt = 'x'.repeat(40);
    emulator.enqueue({ text: 'a', usage: { input_tokens: 10, output_tokens: 70 } }, { text: 'b', usage: { input_tokens: 10, output_tokens: 30 } });
    const first = await chat(keys.tokens.key, prompt);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit-tokens')).toBe('100');
    expect(Number(first.headers.get('x-ratelimit-remaining-tokens'))).toBe(89);
    await first.text();
    // 80 used, so 20 left: the second (about 11) fits, and really uses 40.
    const second = await chat(keys.tokens.key, prompt);
    expect(second.status).toBe(200);
    // 9 left, plus what refilled meanwhile (one token per 600 ms).
    expect(Number(second.headers.get('x-ratelimit-remaining-tokens'))).toBeGreaterThanOrEqual(9);
    expect(Number(second.headers.get('x-ratelimit-remaining-tokens'))).toBeLessThan(13);
    await second.text();
    const third = await chat(keys.tokens.key, prompt);
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: { message: string } }).error.message).toContain(`key "${keys.tokens.name}" allows 100 tokens per minute`);
  });
});
