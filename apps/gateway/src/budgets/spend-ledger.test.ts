import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyUsage } from '@gatehouse/translate';
import { type EffectiveConfig } from '../admin/effective-config';
import { validateConfig } from '../config';
import { RequestObservers } from '../observability/request-observers';
import { Database } from '../persistence/database';
import { UsageRecordEntity, type UsageRecordRow } from '../persistence/entities/usage-record.entity';
import { describeOnEachDatabase, type TestDatabase } from '../test/each-database';
import { PriceTable } from './price-table';
import { SpendLedger } from './spend-ledger';

const NOW = Date.UTC(2025, 5, 15, 12);
const prices = new PriceTable({ config: validateConfig({}) } as EffectiveConfig);

const row = (startedAt: number, keyId: string, team: string | null, tokens: number, cost: number): UsageRecordRow => ({
  started_at: startedAt,
  request_id: 'r',
  key_id: keyId,
  key_name: keyId,
  team,
  endpoint: 'openai-chat',
  client_dialect: 'openai-chat',
  requested_model: 'm',
  routed_model: 'm',
  upstream_model: 'm',
  provider: 'p',
  decision: null,
  status: 200,
  error_kind: null,
  stream: false,
  aborted: false,
  input_tokens: tokens - 1,
  output_tokens: 1,
  cached_tokens: 0,
  cache_write_tokens: 0,
  reasoning_tokens: 0,
  cost_usd: cost,
  latency_ms: 1,
  ttft_ms: null,
  attempts: 1,
});

describeOnEachDatabase('the spend ledger', (target) => {
  let testDatabase: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDatabase = await target.create();
    database = await Database.open(testDatabase.url);
    await database.dataSource.getRepository(UsageRecordEntity).insert([
      row(NOW - 3_600_000, 'k1', 'research', 100, 0.5), // today
      row(Date.UTC(2025, 5, 2), 'k1', 'research', 1000, 2), // this month, not today
      row(Date.UTC(2025, 4, 31, 23, 59), 'k1', 'research', 5000, 9), // last month
      row(NOW - 60_000, 'k2', null, 7, 0.25),
    ]);
  });

  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it("starts from what the usage records say this day and this month, per key and per team", async () => {
    const ledger = new SpendLedger(database, new RequestObservers(), prices);
    await ledger.seed(NOW);
    expect(ledger.spent('key', 'k1', 'day', NOW)).toEqual({ tokens: 100, costUsd: 0.5 });
    expect(ledger.spent('key', 'k1', 'month', NOW)).toEqual({ tokens: 1100, costUsd: 2.5 });
    expect(ledger.spent('team', 'research', 'month', NOW)).toEqual({ tokens: 1100, costUsd: 2.5 });
    expect(ledger.spent('key', 'k2', 'day', NOW)).toEqual({ tokens: 7, costUsd: 0.25 });
    expect(ledger.spent('key', 'nobody', 'month', NOW)).toEqual({ tokens: 0, costUsd: 0 });
  });

  it('adds what finished requests used, and starts afresh in a new period', async () => {
    const ledger = new SpendLedger(database, new RequestObservers(), prices);
    await ledger.seed(NOW);
    ledger.requestCompleted({
      requestId: 'x',
      startedAt: new Date(NOW),
      endpoint: 'openai-chat',
      clientDialect: 'openai-chat',
      principal: { keyId: 'k1', keyName: 'k1', team: 'research', source: 'database' },
      routedModel: 'gpt-4o-mini',
      upstreamModel: 'gpt-4o-mini',
      status: 200,
      stream: false,
      aborted: false,
      usage: { ...emptyUsage(), inputTokens: 1_000_000, outputTokens: 0 },
      latencyMs: 1,
      attempts: 1,
    });
    const day = ledger.spent('key', 'k1', 'day', NOW);
    expect(day.tokens).toBe(1_000_100);
    // gpt-4o-mini input is $0.15 per million in the built-in table.
    expect(day.costUsd).toBeCloseTo(0.65, 10);
    expect(ledger.spent('team', 'research', 'day', NOW).tokens).toBe(1_000_100);
    expect(ledger.spent('key', 'k1', 'day', NOW + 86_400_000)).toEqual({ tokens: 0, costUsd: 0 });
  });
});
