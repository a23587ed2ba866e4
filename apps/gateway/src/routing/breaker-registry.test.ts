import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { type GatehouseConfig, validateConfig } from '../config';
import { reachTestRedis, TEST_REDIS_URL } from '../limits/redis-for-tests';
import { RedisConnection } from '../redis/redis-connection';
import { BreakerRegistry } from './breaker-registry';

const redis = await reachTestRedis();
const upstream = { provider: 'vllm', model: 'qwen' };
const serverError = { code: 'upstream', status: 500, retryable: true, upstreamStatus: 500 };
const badRequest = { code: 'invalid_request', status: 400, retryable: false, upstreamStatus: 400 };
const T0 = 1_700_000_000_000;

function config(extra: Record<string, unknown> = {}): GatehouseConfig {
  return validateConfig({ circuit_breaker: { failures: 2, cooldown: '10s' }, ...extra });
}

const connections: RedisConnection[] = [];
function connection(url?: string): RedisConnection {
  const made = new RedisConnection(config(url ? { storage: { redis: url } } : {}));
  connections.push(made);
  return made;
}

afterAll(async () => {
  await Promise.all(connections.map((made) => made.onApplicationShutdown()));
  await redis.closeAll();
});

describe('BreakerRegistry', () => {
  it('opens after failures, skips the target, lets one probe through after the cool-down, and closes on success', async () => {
    const breakers = new BreakerRegistry(config(), connection());
    await breakers.record(upstream, serverError, T0);
    expect(breakers.unavailableReason(upstream, T0)).toBeUndefined();
    await breakers.record(upstream, serverError, T0 + 1);
    expect(breakers.unavailableReason(upstream, T0 + 2)).toBe('circuit open');
    expect(await breakers.acquire(upstream, T0 + 2)).toBe(false);
    expect(breakers.secondsUntilProbe([upstream], T0 + 2)).toBe(10);
    expect(breakers.snapshot(T0 + 2)).toEqual([
      expect.objectContaining({ provider: 'vllm', model: 'qwen', status: 'open', consecutiveFailures: 2, probeAt: new Date(T0 + 10_001).toISOString() }),
    ]);

    const later = T0 + 10_001;
    expect(breakers.unavailableReason(upstream, later)).toBeUndefined();
    expect(await breakers.acquire(upstream, later)).toBe(true);
    expect(await breakers.acquire(upstream, later)).toBe(false);
    expect(breakers.unavailableReason(upstream, later)).toBe('circuit half-open, probe in flight');
    await breakers.record(upstream, undefined, later + 5);
    expect(breakers.snapshot(later + 6)[0]!.status).toBe('closed');
    expect(await breakers.acquire(upstream, later + 6)).toBe(true);
  });

  it('counts a client error as the target answering', async () => {
    const breakers = new BreakerRegistry(config(), connection());
    for (let i = 0; i < 5; i++) await breakers.record(upstream, badRequest, T0 + i);
    expect(breakers.unavailableReason(upstream, T0 + 10)).toBeUndefined();
  });

  it('does nothing when disabled', async () => {
    const breakers = new BreakerRegistry(validateConfig({ circuit_breaker: { enabled: false, failures: 1 } }), connection());
    await breakers.record(upstream, serverError, T0);
    expect(breakers.unavailableReason(upstream, T0)).toBeUndefined();
    expect(await breakers.acquire(upstream, T0)).toBe(true);
  });

  it('keeps working in this process when Redis is unreachable, counting the failures', async () => {
    const breakers = new BreakerRegistry(config(), connection('redis://127.0.0.1:1'));
    await breakers.record(upstream, serverError, T0);
    await breakers.record(upstream, serverError, T0 + 1);
    expect(breakers.unavailableReason(upstream, T0 + 2)).toBe('circuit open');
    expect(breakers.redisErrors).toBe(2);
  });

  describe.skipIf(redis.skipReason)(`shared through Redis${redis.skipReason ? ` — skipped: ${redis.skipReason}` : ''}`, () => {
    it('is one circuit for two gateway processes', async () => {
      const target = { provider: `p-${randomUUID()}`, model: 'm' };
      const first = new BreakerRegistry(config(), connection(TEST_REDIS_URL));
      const second = new BreakerRegistry(config(), connection(TEST_REDIS_URL));
      await connections.at(-1)!.ready();
      await connections.at(-2)!.ready();
      const now = Date.now();
      await first.record(target, serverError, now);
      await second.record(target, serverError, now + 1);
      // The second process's own report came back with the shared state: open.
      expect(second.unavailableReason(target, now + 2)).toBe('circuit open');
      expect((await first.read(target, now + 2)).status).toBe('open');
      expect(first.unavailableReason(target, now + 2)).toBe('circuit open');
      const later = now + 10_002;
      const probes = await Promise.all([first.acquire(target, later), second.acquire(target, later)]);
      expect(probes.filter(Boolean)).toHaveLength(1);
    });
  });
});
