import { Redis } from 'ioredis';

/** The Redis that tests needing one use: $REDIS_URL, else the local default. */
export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export interface TestRedis {
  /** Why the suite is skipped; undefined when Redis answered. */
  skipReason?: string;
  /** A new connection (each is a separate client, as separate gateway processes would have). */
  connect(): Redis;
  /** Closes every connection made. */
  closeAll(): Promise<void>;
}

/**
 * Checks that Redis answers. Outside CI a missing Redis skips the suites that need it (saying why); under CI=true
 * it is a failure, so a suite can never pass in CI by being skipped.
 */
export async function reachTestRedis(): Promise<TestRedis> {
  const made: Redis[] = [];
  const connect = () => {
    const client = new Redis(TEST_REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
    made.push(client);
    return client;
  };
  const closeAll = async () => {
    await Promise.all(made.splice(0).map((client) => client.quit().catch(() => client.disconnect())));
  };
  const probe = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let cause: Error | undefined;
  probe.on('error', (error: Error) => (cause ??= error));
  try {
    await probe.connect();
    await probe.ping();
    return { connect, closeAll };
  } catch (error) {
    const reason = `Redis not reachable at ${TEST_REDIS_URL} (${(cause ?? (error as Error)).message})`;
    if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${reason}; CI needs a Redis for these tests`);
    return { skipReason: reason, connect, closeAll };
  } finally {
    probe.disconnect();
  }
}

/** Deletes the keys under a test's own prefix. */
export async function deleteKeys(client: Redis, prefix: string): Promise<void> {
  const keys = await client.keys(`${prefix}*`);
  if (keys.length > 0) await client.del(...keys);
}
