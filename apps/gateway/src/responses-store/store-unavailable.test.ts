import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { RedisResponsesStore } from './redis-responses-store';
import { StoredResponses } from './stored-responses';

describe('a Responses store that cannot be reached', () => {
  it('answers 503 with retry-after, not a 500', async () => {
    // A port nothing listens on: every command fails at once, as when Redis is down.
    const client = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const responses = new StoredResponses(new RedisResponsesStore(client));
    try {
      await expect(responses.retrieve('resp_x', '')).rejects.toMatchObject({ code: 'overloaded', status: 503, retryAfter: 1 });
      await expect(responses.delete('resp_x', '')).rejects.toMatchObject({ status: 503 });
    } finally {
      client.disconnect();
    }
  });
});
