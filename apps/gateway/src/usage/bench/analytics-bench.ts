// The analytics benchmark: seeds synthetic usage records into a fresh PostgreSQL database (or the database given)
// through the gateway's own migrations, then times the admin API's queries with the gateway's own classes.
// Run: `node tools/bench-analytics.mjs [--admin-url postgres://postgres@127.0.0.1:5432/test] [--database URL] [--rows 100000] [--keep]`
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type UsageGroupBy } from '@gatehouse/contracts';
import pg from 'pg';
import { RequestObservers } from '../../observability/request-observers';
import { type EffectiveConfig } from '../../admin/effective-config';
import { PriceTable } from '../../budgets/price-table';
import { SpendLedger } from '../../budgets/spend-ledger';
import { validateConfig } from '../../config';
import { Database } from '../../persistence/database';
import { UsageRecordEntity } from '../../persistence/entities/usage-record.entity';
import { RequestLog } from '../request-log';
import { type RequestLogPosition } from '../request-log-cursor';
import { UsageAnalytics } from '../usage-analytics';
import { syntheticUsage } from './synthetic-usage';

const { values: options } = parseArgs({
  options: {
    'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    database: { type: 'string' },
    rows: { type: 'string', default: '100000' },
    days: { type: 'string', default: '30' },
    runs: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});

const ROWS = Number(options.rows);
const DAYS = Number(options.days);
const RUNS = Number(options.runs);
const INSERT_BATCH = 1000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: options['admin-url'] });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (options.database) return { url: options.database, drop: async () => undefined };
  const name = `gatehouse_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(options['admin-url']!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => (options.keep ? Promise.resolve() : adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

async function seed(database: Database, now: number): Promise<number> {
  const started = performance.now();
  let batch = [];
  for (const row of syntheticUsage(ROWS, now, DAYS)) {
    batch.push(row);
    if (batch.length === INSERT_BATCH) {
      await database.dataSource.createQueryBuilder().insert().into(UsageRecordEntity).values(batch).updateEntity(false).execute();
      batch = [];
    }
  }
  if (batch.length > 0) await database.dataSource.createQueryBuilder().insert().into(UsageRecordEntity).values(batch).updateEntity(false).execute();
  // What autovacuum does on a live database: planner statistics for the new rows.
  if (database.kind === 'postgres') await database.dataSource.query('ANALYZE usage_records');
  return performance.now() - started;
}

interface Timing {
  name: string;
  median: number;
  max: number;
  rows: number;
}

async function time(name: string, run: () => Promise<number>): Promise<Timing> {
  await run(); // warm-up: connection, plan cache, buffers
  const durations: number[] = [];
  let rows = 0;
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    rows = await run();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return { name, median: durations[Math.floor(durations.length / 2)]!, max: durations.at(-1)!, rows };
}

async function main(): Promise<void> {
  const target = await freshDatabase();
  const database = await Database.open(target.url);
  try {
    const now = Date.now();
    const seconds = (await seed(database, now)) / 1000;
    const count = await database.dataSource.getRepository(UsageRecordEntity).count();
    console.log(`seeded ${count} usage rows over ${DAYS} days in ${seconds.toFixed(1)} s (${database.kind})\n`);

    const analytics = new UsageAnalytics(database);
    const log = new RequestLog(database);
    const day = { from: now - DAY, to: now + 1 };
    const week = { from: now - 7 * DAY, to: now + 1 };
    const month = { from: now - DAYS * DAY, to: now + 1 };
    const summary = (range: typeof day, groupBy?: UsageGroupBy) => async () => (await analytics.summary(range, groupBy)).groups.length || 1;
    const series = (range: typeof day, bucket: number, groupBy?: UsageGroupBy) => async () => (await analytics.timeseries(range, bucket, groupBy)).length;
    const page = (filters: Parameters<RequestLog['page']>[0]) => async () => (await log.page(filters, 50)).rows.length;
    const deepPage = async () => {
      let after: RequestLogPosition | undefined;
      let rows = 0;
      for (let index = 0; index < 20; index++) {
        const result = await log.page({}, 50, after);
        rows = result.rows.length;
        after = result.next;
      }
      return rows;
    };
    const ledger = new SpendLedger(database, new RequestObservers(), new PriceTable({ config: validateConfig({}) } as EffectiveConfig));

    const timings: Timing[] = [];
    for (const [name, run] of [
      ['summary, last 24 h', summary(day)],
      ['summary, last 24 h, by model', summary(day, 'model')],
      ['summary, last 24 h, by provider', summary(day, 'provider')],
      ['summary, last 24 h, by key', summary(day, 'key')],
      ['summary, last 24 h, by team', summary(day, 'team')],
      ['summary, last 24 h, by endpoint', summary(day, 'endpoint')],
      ['summary, last 7 days, by model', summary(week, 'model')],
      [`summary, all ${DAYS} days, by key`, summary(month, 'key')],
      [`summary, all ${DAYS} days, by model`, summary(month, 'model')],
      ['time series, 24 h in 1 m buckets', series(day, 60_000)],
      ['time series, 7 days in 1 h buckets, by model', series(week, HOUR, 'model')],
      [`time series, ${DAYS} days in 1 d buckets, by key`, series(month, DAY, 'key')],
      ['request log, first page (50)', page({})],
      ['request log, one key', page({ keyId: 'key-7' })],
      ['request log, one model', page({ model: 'qwen-coder' })],
      ['request log, errors only', page({ status: 'error' })],
      ['request log, 20 pages deep (20 queries)', deepPage],
      ['budget seed at start (month + day, keys and teams)', async () => (await ledger.seed(now), 1)],
    ] as const) {
      timings.push(await time(name, run));
    }

    console.log(`| query (${count} rows, ${database.kind}) | median ms | max ms | rows |`);
    console.log('| --- | ---: | ---: | ---: |');
    for (const timing of timings) console.log(`| ${timing.name} | ${timing.median.toFixed(1)} | ${timing.max.toFixed(1)} | ${timing.rows} |`);
    const slowest = timings.reduce((worst, timing) => (timing.max > worst.max ? timing : worst));
    console.log(`\nslowest: ${slowest.name}, ${slowest.max.toFixed(1)} ms at worst over ${RUNS} runs`);
  } finally {
    await database.close();
    await target.drop();
  }
}

await main();
