import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type OpenAIResponsesItem } from '@gatehouse/translate';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryResponsesStore } from './memory-responses-store';
import { RedisResponsesStore } from './redis-responses-store';
import { type ResponsesStore } from './responses-store';
import { type ResponsesStoreLimits, ResponseRecordTooLargeError } from './responses-store-limits';
import { type StoredResponse } from './stored-response';

// One suite, run against every ResponsesStore. Redis is the real one at 127.0.0.1:6379 (or GATEHOUSE_TEST_REDIS_URL);
// outside CI its tests skip when it is not reachable, under CI=true the file fails instead.
const REDIS_URL = process.env.GATEHOUSE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function reachable(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const redisUnavailable = (await reachable(REDIS_URL)) ? undefined : `Redis not reachable at ${REDIS_URL}`;
if (redisUnavailable && process.env.CI === 'true') throw new Error(`${redisUnavailable}: the Redis store suite must run under CI`);

/** Every test run writes under its own namespace inside gatehouse:resp:, and removes it afterwards. */
const testPrefix = `gatehouse:resp:test-${randomUUID()}:`;
const connections: Redis[] = [];
function redisConnection(): Redis {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  connections.push(connection);
  return connection;
}

afterAll(async () => {
  if (redisUnavailable) return;
  const cleaner = redisConnection();
  const keys = await cleaner.keys(`${testPrefix}*`);
  if (keys.length > 0) await cleaner.del(...keys);
  await Promise.all(connections.map((connection) => connection.quit()));
});

function items(prefix: string, count: number): OpenAIResponsesItem[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}_${i + 1}`,
    type: 'message',
    role: 'user',
    status: 'completed',
    content: [{ type: 'input_text', text: `item ${i + 1}` }],
  }));
}

function storedResponse(id: string, fields: Partial<StoredResponse> = {}): StoredResponse {
  const response = { id, object: 'response', status: 'completed', output: [{ type: 'message', content: [{ type: 'output_text', text: `answer ${id}` }] }] };
  return {
    id,
    owner: 'team:a',
    createdAt: 1_754_985_600_000,
    inputItems: items(`msg_${id}`, 1),
    response,
    turn: {
      system: [],
      messages: [
        { role: 'user', content: [{ type: 'text', text: `question ${id}` }] },
        { role: 'assistant', content: [{ type: 'thinking', text: 'hm', signature: 'sig' }, { type: 'text', text: `answer ${id}` }] },
      ],
    },
    ...fields,
  };
}

interface StoreUnderTest {
  name: string;
  unavailable?: string;
  make(limits?: Partial<ResponsesStoreLimits>): ResponsesStore;
}

const stores: StoreUnderTest[] = [
  { name: 'MemoryResponsesStore', make: (limits) => new MemoryResponsesStore({ maxItems: 1000, ...limits }) },
  {
    name: 'RedisResponsesStore',
    unavailable: redisUnavailable,
    make: (limits) => new RedisResponsesStore(redisConnection(), limits, testPrefix),
  },
];

const TTL = 60_000;

describe.each(stores)('$name', ({ make, unavailable }) => {
  beforeEach((context) => {
    if (unavailable) context.skip(unavailable);
  });

  it('gives back what was put, and nothing for an unknown id', async () => {
    const store = make();
    const record = storedResponse('resp_put');
    await store.put(record, TTL);
    expect(await store.get('resp_put', 'team:a')).toEqual(record);
    expect(await store.get('resp_unknown', 'team:a')).toBeUndefined();
  });

  it('shows another owner nothing, as if the id were unknown, and lets it delete nothing', async () => {
    const store = make();
    await store.put(storedResponse('resp_owned'), TTL);
    expect(await store.get('resp_owned', 'team:b')).toBeUndefined();
    expect(await store.get('resp_owned', '')).toBeUndefined();
    expect(await store.inputItems('resp_owned', 'team:b', { limit: 20, order: 'desc' })).toBeUndefined();
    expect(await store.chain('resp_owned', 'team:b')).toBeUndefined();
    expect(await store.delete('resp_owned', 'team:b')).toBe(false);
    expect(await store.get('resp_owned', 'team:a')).toBeDefined();
  });

  it('deletes a record once', async () => {
    const store = make();
    await store.put(storedResponse('resp_delete'), TTL);
    expect(await store.delete('resp_delete', 'team:a')).toBe(true);
    expect(await store.get('resp_delete', 'team:a')).toBeUndefined();
    expect(await store.delete('resp_delete', 'team:a')).toBe(false);
  });

  it('forgets a record after its TTL', async () => {
    const store = make();
    await store.put(storedResponse('resp_expiring'), 150);
    await store.put(storedResponse('resp_lasting'), TTL);
    expect(await store.get('resp_expiring', 'team:a')).toBeDefined();
    await sleep(400);
    expect(await store.get('resp_expiring', 'team:a')).toBeUndefined();
    expect(await store.chain('resp_expiring', 'team:a')).toBeUndefined();
    expect(await store.get('resp_lasting', 'team:a')).toBeDefined();
  });

  it('resolves a chain of four responses oldest first, from any of them', async () => {
    const store = make();
    await store.put(storedResponse('resp_c1'), TTL);
    await store.put(storedResponse('resp_c2', { previousResponseId: 'resp_c1' }), TTL);
    await store.put(storedResponse('resp_c3', { previousResponseId: 'resp_c2' }), TTL);
    await store.put(storedResponse('resp_c4', { previousResponseId: 'resp_c3' }), TTL);
    const chain = await store.chain('resp_c4', 'team:a');
    expect(chain?.records.map((record) => record.id)).toEqual(['resp_c1', 'resp_c2', 'resp_c3', 'resp_c4']);
    expect(chain?.truncated).toBe(false);
    expect(chain?.records[0]).toEqual(storedResponse('resp_c1'));
    expect((await store.chain('resp_c2', 'team:a'))?.records.map((record) => record.id)).toEqual(['resp_c1', 'resp_c2']);
    const cut = await store.chain('resp_c4', 'team:a', 2);
    expect(cut).toMatchObject({ truncated: true });
    expect(cut?.records.map((record) => record.id)).toEqual(['resp_c3', 'resp_c4']);
  });

  it('cuts a chain where an earlier response is gone, and never links to another owner\'s response', async () => {
    const store = make();
    await store.put(storedResponse('resp_g1'), TTL);
    await store.put(storedResponse('resp_g2', { previousResponseId: 'resp_g1' }), TTL);
    await store.put(storedResponse('resp_g3', { previousResponseId: 'resp_g2' }), TTL);
    await store.delete('resp_g2', 'team:a');
    expect(await store.chain('resp_g3', 'team:a')).toMatchObject({ truncated: true, records: [{ id: 'resp_g3' }] });

    await store.put(storedResponse('resp_other', { owner: 'team:b' }), TTL);
    await store.put(storedResponse('resp_mine', { previousResponseId: 'resp_other' }), TTL);
    expect(await store.chain('resp_mine', 'team:a')).toMatchObject({ truncated: false, records: [{ id: 'resp_mine' }] });
  });

  it('keeps a chain within the byte cap, newest responses first', async () => {
    const recordBytes = Buffer.byteLength(JSON.stringify(storedResponse('resp_b2', { previousResponseId: 'resp_b1' })));
    const store = make({ maxChainBytes: recordBytes * 2 + 10 });
    await store.put(storedResponse('resp_b1'), TTL);
    await store.put(storedResponse('resp_b2', { previousResponseId: 'resp_b1' }), TTL);
    await store.put(storedResponse('resp_b3', { previousResponseId: 'resp_b2' }), TTL);
    const chain = await store.chain('resp_b3', 'team:a');
    expect(chain?.records.map((record) => record.id)).toEqual(['resp_b2', 'resp_b3']);
    expect(chain?.truncated).toBe(true);
  });

  it('refuses a record over the size cap', async () => {
    const store = make({ maxRecordBytes: 200 });
    await expect(store.put(storedResponse('resp_big'), TTL)).rejects.toBeInstanceOf(ResponseRecordTooLargeError);
    expect(await store.get('resp_big', 'team:a')).toBeUndefined();
  });

  it('pages input items in OpenAI\'s list format, newest first by default', async () => {
    const store = make();
    await store.put(storedResponse('resp_items', { inputItems: items('msg', 5) }), TTL);
    const first = await store.inputItems('resp_items', 'team:a', { limit: 2, order: 'desc' });
    expect(first).toEqual({ object: 'list', data: items('msg', 5).slice(3).reverse(), first_id: 'msg_5', last_id: 'msg_4', has_more: true });
    const second = await store.inputItems('resp_items', 'team:a', { limit: 2, order: 'desc', after: first!.last_id! });
    expect(second?.data.map((item) => item.id)).toEqual(['msg_3', 'msg_2']);
    expect(second?.has_more).toBe(true);
    const last = await store.inputItems('resp_items', 'team:a', { limit: 2, order: 'desc', after: second!.last_id! });
    expect(last).toMatchObject({ first_id: 'msg_1', last_id: 'msg_1', has_more: false });
    const ascending = await store.inputItems('resp_items', 'team:a', { limit: 10, order: 'asc' });
    expect(ascending?.data.map((item) => item.id)).toEqual(['msg_1', 'msg_2', 'msg_3', 'msg_4', 'msg_5']);
    expect(ascending?.has_more).toBe(false);
    expect(await store.inputItems('resp_items', 'team:a', { limit: 10, order: 'asc', after: 'msg_unknown' })).toEqual({
      object: 'list',
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
    });
  });
});

describe('MemoryResponsesStore bounds', () => {
  it('evicts the least recently used record beyond max_items', async () => {
    const store = new MemoryResponsesStore({ maxItems: 2 });
    await store.put(storedResponse('resp_1'), TTL);
    await store.put(storedResponse('resp_2'), TTL);
    await store.get('resp_1', 'team:a');
    await store.put(storedResponse('resp_3'), TTL);
    expect(await store.get('resp_2', 'team:a')).toBeUndefined();
    expect(await store.get('resp_1', 'team:a')).toBeDefined();
    expect(await store.get('resp_3', 'team:a')).toBeDefined();
  });

  it('evicts the least recently used records beyond the byte total', async () => {
    const recordBytes = Buffer.byteLength(JSON.stringify(storedResponse('resp_1')));
    const store = new MemoryResponsesStore({ maxItems: 100, maxTotalBytes: recordBytes * 2 + 10 });
    for (const id of ['resp_1', 'resp_2', 'resp_3']) await store.put(storedResponse(id), TTL);
    expect(await store.get('resp_1', 'team:a')).toBeUndefined();
    expect(await store.get('resp_3', 'team:a')).toBeDefined();
  });

  it('expires by its clock', async () => {
    let now = 1000;
    const store = new MemoryResponsesStore({ maxItems: 10, now: () => now });
    await store.put(storedResponse('resp_1'), 500);
    now = 1499;
    expect(await store.get('resp_1', 'team:a')).toBeDefined();
    now = 1500;
    expect(await store.get('resp_1', 'team:a')).toBeUndefined();
  });
});

describe('RedisResponsesStore in Redis', () => {
  beforeEach((context) => {
    if (redisUnavailable) context.skip(redisUnavailable);
  });

  it('keeps each response in a namespaced hash that expires, readable through another connection', async () => {
    const writer = new RedisResponsesStore(redisConnection(), {}, testPrefix);
    const reader = new RedisResponsesStore(redisConnection(), {}, testPrefix);
    await writer.put(storedResponse('resp_shared'), TTL);
    await writer.put(storedResponse('resp_shared_next', { previousResponseId: 'resp_shared' }), TTL);
    const inspector = redisConnection();
    const key = `${testPrefix}resp_shared_next`;
    expect(key.startsWith('gatehouse:resp:')).toBe(true);
    expect(await inspector.hget(key, 'ancestors')).toBe('["resp_shared"]');
    const ttl = await inspector.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(TTL);
    expect((await reader.chain('resp_shared_next', 'team:a'))?.records.map((record) => record.id)).toEqual(['resp_shared', 'resp_shared_next']);
  });
});
