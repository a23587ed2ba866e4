import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase, type TestDatabase } from '../test/each-database';
import { ChangeFeed, CHANGE_POLL_MS } from './change-feed';
import { Database } from './database';
import { UsageRecordEntity, type UsageRecordRow } from './entities/usage-record.entity';

const usageRow = (overrides: Partial<UsageRecordRow> = {}): UsageRecordRow => ({
  started_at: Date.UTC(2025, 0, 31, 12),
  request_id: 'req-1',
  key_id: 'k1',
  key_name: 'ci',
  team: 'research',
  endpoint: 'openai-chat',
  client_dialect: 'openai-chat',
  requested_model: 'qwen',
  routed_model: 'qwen',
  upstream_model: 'Qwen/Qwen2.5-7B-Instruct',
  provider: 'local',
  decision: null,
  status: 200,
  error_kind: null,
  stream: true,
  aborted: false,
  input_tokens: 12,
  output_tokens: 34,
  cached_tokens: 5,
  cache_write_tokens: 0,
  reasoning_tokens: 2,
  cost_usd: 0.000123,
  latency_ms: 250,
  ttft_ms: 40,
  attempts: 1,
  ...overrides,
});

describeOnEachDatabase('the database', (target) => {
  let testDatabase: TestDatabase;
  const opened: Database[] = [];
  const open = async () => {
    const database = await Database.open(testDatabase.url);
    opened.push(database);
    return database;
  };

  beforeAll(async () => {
    testDatabase = await target.create();
  });

  afterAll(async () => {
    for (const database of opened) await database.close();
    await testDatabase?.drop();
  });

  it('runs the migrations once, so a second process opening the same database finds them applied', async () => {
    const first = await open();
    const second = await open();
    const applied = await second.dataSource.query('SELECT name FROM migrations');
    expect(applied.map((row: { name: string }) => row.name)).toEqual(['InitialSchema1735689600000', 'UsageBucketStatistics1735689600001']);
    expect(first.kind).toBe(target.kind);
    expect(await first.ping()).toEqual({ ok: true });
  });

  it('stores a usage row and reads it back with numbers and booleans intact', async () => {
    const database = opened[0]!;
    const repository = database.dataSource.getRepository(UsageRecordEntity);
    await repository.insert([usageRow(), usageRow({ request_id: 'req-2', stream: false, ttft_ms: null, started_at: Date.UTC(2025, 0, 31, 13) })]);
    const rows = await repository.find({ order: { started_at: 'ASC' } });
    expect(rows).toHaveLength(2);
    const { id, ...first } = rows[0]!;
    expect(Number(id)).toBeGreaterThan(0);
    expect(first).toEqual(usageRow());
    expect(rows[1]).toMatchObject({ request_id: 'req-2', stream: false, ttft_ms: null });
  });

  it('tells another process about a change within a poll interval', async () => {
    const writer = opened[0]!;
    const reader = opened[1]!;
    const writerFeed = new ChangeFeed(writer);
    const readerFeed = new ChangeFeed(reader);
    await writerFeed.onModuleInit();
    await readerFeed.onModuleInit();
    let reloads = 0;
    readerFeed.watch('keys', async () => {
      reloads++;
    });
    await writer.dataSource.transaction((manager) => writerFeed.bump(manager, 'keys'));
    const started = Date.now();
    while (reloads === 0 && Date.now() - started < 2000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reloads).toBe(1);
    expect(Date.now() - started).toBeLessThan(CHANGE_POLL_MS * 3);
  });

  it('flushes what registered before it closes, then reports itself closed', async () => {
    const database = await Database.open(testDatabase.url);
    const order: string[] = [];
    database.beforeClose(async () => {
      await database.dataSource.getRepository(UsageRecordEntity).insert(usageRow({ request_id: 'flushed-at-close' }));
      order.push('drained');
    });
    await database.close();
    order.push('closed');
    expect(order).toEqual(['drained', 'closed']);
    expect(await database.ping()).toEqual({ ok: false, detail: 'closed' });
    const count = await opened[0]!.dataSource.getRepository(UsageRecordEntity).countBy({ request_id: 'flushed-at-close' });
    expect(count).toBe(1);
  });
});
