import { describe } from 'vitest';
import { reachTestRedis, TEST_REDIS_URL } from '../limits/redis-for-tests';

export type ResponsesStoreKind = 'memory' | 'redis';

const redis = await reachTestRedis();

/**
 * A gateway config (in the file's shape) set to keep its Responses in the given store: in memory (no
 * `storage.redis`), or in the test Redis. Records in Redis expire after `ttl` (10 minutes unless a test wants
 * expiry), so that what a run leaves behind goes away by itself; their ids are random, so runs never meet.
 */
export function withResponsesStore(config: Record<string, unknown>, kind: ResponsesStoreKind, ttl = '10m'): Record<string, unknown> {
  const storage = { ...(config.storage as object), ...(kind === 'redis' ? { redis: TEST_REDIS_URL } : {}) };
  return { ...config, storage, responses: { ...(config.responses as object), ttl } };
}

/**
 * Declares `suite` once per Responses store, memory and Redis. Outside CI the Redis suite is skipped (saying why)
 * when Redis does not answer; under CI that fails (see reachTestRedis).
 */
export function describeOnEachResponsesStore(title: string, suite: (kind: ResponsesStoreKind) => void): void {
  describe(`${title} (memory store)`, () => suite('memory'));
  const name = redis.skipReason ? `${title} (Redis store — skipped: ${redis.skipReason})` : `${title} (Redis store)`;
  describe.skipIf(redis.skipReason !== undefined)(name, () => suite('redis'));
}
