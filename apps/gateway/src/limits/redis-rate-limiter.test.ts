import { randomUUID } from 'node:crypto';
import { afterAll, describe } from 'vitest';
import { rateLimiterSuite } from './rate-limiter.suite';
import { type RateLimiter } from './rate-limiter';
import { deleteKeys, reachTestRedis } from './redis-for-tests';
import { RedisRateLimiter } from './redis-rate-limiter';

const redis = await reachTestRedis();
const prefix = `gatehouse:rl:test-${randomUUID()}:`;

describe.skipIf(redis.skipReason)(`RedisRateLimiter${redis.skipReason ? ` — skipped: ${redis.skipReason}` : ''}`, () => {
  const prefixes = new WeakMap<RateLimiter, string>();
  let count = 0;

  afterAll(async () => {
    await deleteKeys(redis.connect(), prefix);
    await redis.closeAll();
  });

  rateLimiterSuite(
    () => {
      const limiterPrefix = `${prefix}${count++}:`;
      const limiter = new RedisRateLimiter(redis.connect(), limiterPrefix);
      prefixes.set(limiter, limiterPrefix);
      return limiter;
    },
    (limiter) => new RedisRateLimiter(redis.connect(), prefixes.get(limiter)),
  );
});
