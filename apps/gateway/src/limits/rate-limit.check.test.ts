import { afterAll, describe, expect, it } from 'vitest';
import { emptyUsage } from '@gatehouse/translate';
import { type Principal } from '../auth/principal';
import { type GatehouseConfig, validateConfig } from '../config';
import { type RequestOutcome } from '../observability/request-outcome';
import { type Admission, AdmissionChecks, type AdmissionRequest } from '../proxy/admission-checks';
import { InboundRequest } from '../proxy/inbound-request';
import { RedisConnection } from '../redis/redis-connection';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { RateLimitError } from './rate-limit-error';
import { RATE_LIMIT_ORDER, RateLimitCheck } from './rate-limit.check';
import { RedisRateLimiter } from './redis-rate-limiter';

const config = validateConfig({
  providers: [{ name: 'p', type: 'openai', base_url: 'http://127.0.0.1:9/v1' }],
  models: [
    { name: 'qwen', targets: [{ provider: 'p' }], limits: { concurrent: 2 } },
    { name: 'free', targets: [{ provider: 'p' }] },
  ],
  teams: [{ name: 'research', limits: { rpm: 100 } }],
});

const principal = (limits: Principal['limits'], team?: string): Principal => ({ keyId: 'id-1', keyName: 'team-a', team, limits, source: 'config' });

function request(overrides: Partial<AdmissionRequest> = {}): AdmissionRequest {
  const json = { model: 'qwen', messages: [{ role: 'user', content: 'x'.repeat(400) }] };
  return {
    principal: principal({ rpm: 2, tpm: 1_000 }),
    endpoint: 'openai-chat',
    requestedModel: 'qwen',
    routedModel: 'qwen',
    inbound: new InboundRequest(Buffer.from(JSON.stringify(json)), json),
    headers: {},
    ...overrides,
  };
}

function outcome(inputTokens: number, outputTokens: number): RequestOutcome {
  return {
    requestId: 'r',
    startedAt: new Date(),
    endpoint: 'openai-chat',
    clientDialect: 'openai-chat',
    status: 200,
    stream: false,
    aborted: false,
    usage: { ...emptyUsage(), inputTokens, outputTokens },
    latencyMs: 1,
    attempts: 1,
  } as RequestOutcome;
}

const connections: RedisConnection[] = [];
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.onApplicationShutdown()));
});

describe('RateLimitCheck', () => {
  it('registers as the admission check of order 30', async () => {
    const checks = new AdmissionChecks();
    const check = new RateLimitCheck(config, new MemoryRateLimiter(), checks);
    check.onModuleInit();
    const admitted: Admission[] = [];
    await checks.admit(request(), admitted);
    expect(RATE_LIMIT_ORDER).toBe(30);
    expect(admitted).toHaveLength(1);
  });

  it('applies the key’s, the team’s and the model’s limits', () => {
    const check = new RateLimitCheck(config, new MemoryRateLimiter(), new AdmissionChecks());
    expect(check.rulesFor({ principal: principal({ rpm: 5 }, 'research'), routedModel: 'qwen' }).rules.map((rule) => rule.id)).toEqual([
      'key:id-1:rpm',
      'team:research:rpm',
      'model:qwen:concurrent',
    ]);
    expect(check.rulesFor({ principal: undefined, routedModel: 'free' }).rules).toEqual([]);
  });

  it('follows a key replaced with new limits, and model limits changed through the admin API', async () => {
    let listener: ((next: GatehouseConfig) => void) | undefined;
    const effective = { models: config.models, onChange: (next: typeof listener) => (listener = next) };
    const check = new RateLimitCheck(config, new MemoryRateLimiter(), new AdmissionChecks(), undefined, undefined, effective as never);
    await check.onApplicationBootstrap();
    const ids = (key: Principal, routedModel = 'free') => check.rulesFor({ principal: key, routedModel }).rules.map((rule) => rule.id);
    expect(ids(principal({ rpm: 5 }))).toEqual(['key:id-1:rpm']);
    expect(ids(principal({ tpm: 50 }))).toEqual(['key:id-1:tpm']);
    const key = principal({ rpm: 5 });
    expect(ids(key)).toEqual(['key:id-1:rpm']);
    listener!({ ...config, models: config.models.map((model) => (model.name === 'free' ? { ...model, limits: { rpm: 1 } } : model)) });
    expect(ids(key)).toEqual(['key:id-1:rpm', 'model:free:rpm']);
    expect(check.rulesFor({ principal: undefined, routedModel: 'free' }).rules.map((rule) => rule.id)).toEqual(['model:free:rpm']);
  });

  it('admits with OpenAI’s headers, then refuses with a 429 that names the limit and carries its headers', async () => {
    const check = new RateLimitCheck(config, new MemoryRateLimiter(), new AdmissionChecks());
    const first = await check.admit(request());
    expect(first!.headers).toEqual({
      'x-ratelimit-limit-requests': '2',
      'x-ratelimit-remaining-requests': '1',
      'x-ratelimit-reset-requests': '30s',
      'x-ratelimit-limit-tokens': '1000',
      'x-ratelimit-remaining-tokens': expect.stringMatching(/^8\d\d$/),
      'x-ratelimit-reset-tokens': expect.stringMatching(/s$/),
    });
    await check.admit(request());
    const refused = await check.admit(request()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitError);
    expect(refused).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfter: 30,
      message: 'Rate limit reached: key "team-a" allows 2 requests per minute; try again in 30 s',
      headers: { 'x-ratelimit-limit-requests': '2', 'x-ratelimit-remaining-requests': '0' },
    });
  });

  it('settles tokens with the real usage and releases the concurrency slot when the request ends', async () => {
    const check = new RateLimitCheck(config, new MemoryRateLimiter(), new AdmissionChecks());
    const big = (tpm: number) => request({ principal: principal({ tpm }) });
    const first = await check.admit(big(1_000));
    const second = await check.admit(big(1_000));
    await expect(check.admit(big(1_000))).rejects.toMatchObject({ message: expect.stringContaining('allows 2 concurrent requests') });
    first!.settle!(outcome(50, 10));
    second!.settle!(outcome(50, 10));
    await new Promise((resolve) => setImmediate(resolve));
    const third = await check.admit(big(1_000));
    // The first two used 60 tokens each, whatever was estimated; the third is charged its estimate, as the first was.
    expect(Number(third!.headers!['x-ratelimit-remaining-tokens'])).toBe(Number(first!.headers!['x-ratelimit-remaining-tokens']) - 120);
  });

  it('charges no tokens for count_tokens', async () => {
    const check = new RateLimitCheck(config, new MemoryRateLimiter(), new AdmissionChecks());
    const admission = await check.admit(request({ endpoint: 'anthropic-count-tokens', principal: principal({ tpm: 1_000 }), routedModel: 'free' }));
    expect(admission!.headers!['x-ratelimit-remaining-tokens']).toBe('1000');
  });

  it('lets requests through when Redis fails and on_redis_error is open, counting it; refuses with 503 when closed', async () => {
    const down = new RedisConnection(validateConfig({ storage: { redis: 'redis://127.0.0.1:1' } }));
    connections.push(down);
    const open = new RateLimitCheck(config, new RedisRateLimiter(down.client!), new AdmissionChecks());
    expect(await open.admit(request())).toBeUndefined();
    expect(open.storeErrors).toBe(1);
    const closedConfig = { ...config, limits: { on_redis_error: 'closed' as const } };
    const closed = new RateLimitCheck(closedConfig, new RedisRateLimiter(down.client!), new AdmissionChecks());
    await expect(closed.admit(request())).rejects.toMatchObject({ code: 'overloaded', status: 503, retryAfter: 1 });
  });
});
