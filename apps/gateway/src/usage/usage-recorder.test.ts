import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyUsage } from '@gatehouse/translate';
import { type EffectiveConfig } from '../admin/effective-config';
import { PriceTable } from '../budgets/price-table';
import { validateConfig } from '../config';
import { RequestObservers } from '../observability/request-observers';
import { type RequestOutcome } from '../observability/request-outcome';
import { Database } from '../persistence/database';
import { UsageRecordEntity } from '../persistence/entities/usage-record.entity';
import { describeOnEachDatabase, type TestDatabase } from '../test/each-database';
import { UsageQueueStats } from './usage-queue-stats';
import { UsageRecorder, type UsageRecorderOptions } from './usage-recorder';

const config = validateConfig({
  providers: [{ name: 'local', type: 'openai', base_url: 'http://127.0.0.1:9/v1' }],
  models: [{ name: 'qwen', targets: [{ provider: 'local' }], pricing: { input_per_mtok: 1, output_per_mtok: 2 } }],
});
const prices = new PriceTable({ config } as EffectiveConfig);

let sequence = 0;
const outcome = (overrides: Partial<RequestOutcome> = {}): RequestOutcome => ({
  requestId: `req-${++sequence}`,
  startedAt: new Date(),
  endpoint: 'openai-chat',
  clientDialect: 'openai-chat',
  principal: { keyId: 'k1', keyName: 'ci', team: 'research', source: 'database' },
  requestedModel: 'qwen',
  routedModel: 'qwen',
  upstreamModel: 'qwen',
  provider: 'local',
  status: 200,
  stream: false,
  aborted: false,
  usage: { ...emptyUsage(), inputTokens: 1000, outputTokens: 500 },
  latencyMs: 12.4,
  attempts: 1,
  ...overrides,
});

const waitFor = async (check: () => Promise<boolean> | boolean, timeoutMs = 5000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describeOnEachDatabase('the usage recorder', (target) => {
  let testDatabase: TestDatabase;
  let database: Database;
  const count = () => database.dataSource.getRepository(UsageRecordEntity).count();
  const recorder = (options: Partial<UsageRecorderOptions>) => {
    const stats = new UsageQueueStats();
    const instance = new UsageRecorder(database, new RequestObservers(), prices, stats, {
      batchSize: 10,
      flushIntervalMs: 50,
      maxQueued: 1000,
      retryAfterFailureMs: 50,
      ...options,
    });
    return { instance, stats };
  };

  beforeAll(async () => {
    testDatabase = await target.create();
    database = await Database.open(testDatabase.url);
  });

  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it('writes one row per outcome with its cost as soon as a batch is full, and a part batch only when it is time', async () => {
    const { instance, stats } = recorder({ batchSize: 10, flushIntervalMs: 60_000 });
    for (let index = 0; index < 25; index++) instance.requestCompleted(outcome());
    // Full batches go at once (a write takes everything queued while the one before it ran).
    await waitFor(async () => (await count()) === 25);
    for (let index = 0; index < 5; index++) instance.requestCompleted(outcome());
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Fewer than a batch wait for the interval (a minute here) or a drain.
    expect(await count()).toBe(25);
    expect(stats.queued).toBe(5);
    await instance.drain();
    expect(await count()).toBe(30);
    expect(stats).toMatchObject({ queued: 0, written: 30, dropped: 0 });
    const row = await database.dataSource.getRepository(UsageRecordEntity).findOneByOrFail({ request_id: `req-${sequence}` });
    expect(row).toMatchObject({ key_id: 'k1', team: 'research', input_tokens: 1000, output_tokens: 500, latency_ms: 12 });
    expect(row.cost_usd).toBeCloseTo((1000 * 1 + 500 * 2) / 1e6, 12);
  });

  it('writes every column as it reads back: flags, nulls, cache and reasoning tokens, time to first token', async () => {
    const { instance } = recorder({});
    const usage = { ...emptyUsage(), inputTokens: 70, outputTokens: 9, cacheReadTokens: 40, cacheWriteTokens: 20, reasoningTokens: 3 };
    instance.requestCompleted(outcome({ requestId: 'columns-1', stream: true, aborted: true, ttftMs: 41.6, usage, errorCode: 'upstream', principal: undefined, decision: 'coding' }));
    instance.requestCompleted(outcome({ requestId: 'columns-2', upstreamModel: undefined, provider: undefined }));
    await instance.drain();
    const repository = database.dataSource.getRepository(UsageRecordEntity);
    expect(await repository.findOneByOrFail({ request_id: 'columns-1' })).toMatchObject({
      stream: true,
      aborted: true,
      ttft_ms: 42,
      key_id: null,
      team: null,
      error_kind: 'upstream',
      decision: 'coding',
      input_tokens: 70,
      cached_tokens: 40,
      cache_write_tokens: 20,
      reasoning_tokens: 3,
    });
    expect(await repository.findOneByOrFail({ request_id: 'columns-2' })).toMatchObject({ stream: false, aborted: false, ttft_ms: null, upstream_model: null, provider: null, key_name: 'ci' });
  });

  it('writes a part batch once the interval has passed', async () => {
    const before = await count();
    const { instance } = recorder({ batchSize: 100, flushIntervalMs: 50 });
    instance.requestCompleted(outcome());
    instance.requestCompleted(outcome());
    await waitFor(async () => (await count()) === before + 2, 2000);
  });

  it('keeps rows while the database is down, drops the oldest beyond the bound and counts them, then catches up', async () => {
    const before = await count();
    const { instance, stats } = recorder({ batchSize: 10, maxQueued: 100 });
    await database.dataSource.destroy();
    for (let index = 0; index < 150; index++) instance.requestCompleted(outcome({ requestId: `down-${index}` }));
    await waitFor(() => stats.lastError !== undefined);
    expect(stats.queued).toBeLessThanOrEqual(100);
    expect(stats.dropped).toBe(50);
    await database.dataSource.initialize();
    await waitFor(async () => (await count()) === before + 100);
    expect(stats).toMatchObject({ queued: 0, written: 100, dropped: 50, lastError: undefined });
    // The oldest were dropped: the newest 100 arrived.
    const survivors = await database.dataSource.getRepository(UsageRecordEntity).countBy({ request_id: 'down-149' });
    const dropped = await database.dataSource.getRepository(UsageRecordEntity).countBy({ request_id: 'down-0' });
    expect([survivors, dropped]).toEqual([1, 0]);
  });
});
