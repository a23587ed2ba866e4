import { randomUUID } from 'node:crypto';
import { afterAll, describe } from 'vitest';
import { deleteKeys, reachTestRedis } from '../limits/redis-for-tests';
import { breakerStoreSuite, SUITE_POLICY } from './breaker-store.suite';
import { type BreakerStore } from './breaker-store';
import { RedisBreakerStore } from './redis-breaker-store';

const redis = await reachTestRedis();
const prefix = `gatehouse:cb:test-${randomUUID()}:`;

describe.skipIf(redis.skipReason)(`RedisBreakerStore${redis.skipReason ? ` — skipped: ${redis.skipReason}` : ''}`, () => {
  const prefixes = new WeakMap<BreakerStore, string>();
  let count = 0;

  afterAll(async () => {
    await deleteKeys(redis.connect(), prefix);
    await redis.closeAll();
  });

  breakerStoreSuite(
    () => {
      const storePrefix = `${prefix}${count++}:`;
      const store = new RedisBreakerStore(redis.connect(), SUITE_POLICY, storePrefix);
      prefixes.set(store, storePrefix);
      return store;
    },
    (store) => new RedisBreakerStore(redis.connect(), SUITE_POLICY, prefixes.get(store)),
  );
});
