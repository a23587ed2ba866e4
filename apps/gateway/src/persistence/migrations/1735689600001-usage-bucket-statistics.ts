import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The time-bucket expressions UsageAnalytics.timeseries groups by: `(started_at / size) * size` for 1m, 1h and 1d. */
const BUCKETS = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', 86_400_000],
] as const;

/**
 * PostgreSQL only: statistics on the time-bucket expressions. Without them the planner guesses one group per row
 * for `GROUP BY bucket, key_id`, sorts every row (spilling to disk at 100k rows) instead of hashing the few
 * hundred groups; with them a time series over 100,000 rows hashes, 2-3 times faster (see the analytics benchmark).
 * SQLite plans these queries the same way either way, so it gets nothing.
 */
export class UsageBucketStatistics1735689600001 implements MigrationInterface {
  readonly name = 'UsageBucketStatistics1735689600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    // Statistics on expressions came with PostgreSQL 14; older servers plan as before, only slower.
    const [{ server_version_num: version }] = await queryRunner.query('SHOW server_version_num');
    if (Number(version) < 140_000) return;
    for (const [name, size] of BUCKETS) {
      await queryRunner.query(`CREATE STATISTICS usage_records_${name}_bucket ON ((started_at / ${size}) * ${size}) FROM usage_records`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    for (const [name] of BUCKETS) await queryRunner.query(`DROP STATISTICS IF EXISTS usage_records_${name}_bucket`);
  }
}
