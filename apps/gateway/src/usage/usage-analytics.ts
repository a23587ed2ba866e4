import { type UsageGroupBy, type UsageTotals } from '@gatehouse/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { type SelectQueryBuilder } from 'typeorm';
import { Database } from '../persistence/database';
import { UsageRecordEntity, type UsageRecordRow } from '../persistence/entities/usage-record.entity';
import { type TimeRange } from './time-range';

export interface UsageGroupTotals extends UsageTotals {
  group: string | null;
  label: string | null;
}

export interface UsageBucketTotals extends UsageGroupTotals {
  bucketStart: number;
}

/** What each `group_by` groups on: model names as configured (the requested name when routing never chose one). */
const groupExpressions: Record<UsageGroupBy, { group: string; label: string }> = {
  model: { group: 'COALESCE(u.routed_model, u.requested_model)', label: 'COALESCE(u.routed_model, u.requested_model)' },
  provider: { group: 'u.provider', label: 'u.provider' },
  key: { group: 'u.key_id', label: 'MAX(u.key_name)' },
  team: { group: 'u.team', label: 'u.team' },
  endpoint: { group: 'u.endpoint', label: 'u.endpoint' },
};

type RawTotals = Record<'requests' | 'input_tokens' | 'output_tokens' | 'cached_tokens' | 'reasoning_tokens' | 'cost_usd' | 'errors', unknown> & {
  group_value?: string | null;
  group_label?: string | null;
  bucket_start?: unknown;
};

/**
 * Totals and time series over the usage records, in SQL that runs unchanged on SQLite and PostgreSQL: a bucket is
 * an integer division of the epoch-millisecond start time, the range is an indexed scan of `started_at`.
 */
@Injectable()
export class UsageAnalytics {
  constructor(@Inject(Database) private readonly database: Database) {}

  async summary(range: TimeRange, groupBy?: UsageGroupBy): Promise<{ total: UsageTotals; groups: UsageGroupTotals[] }> {
    const query = this.totalsQuery(range);
    if (!groupBy) {
      const raw = (await query.getRawOne<RawTotals>())!;
      return { total: totalsOf(raw), groups: [] };
    }
    const { group, label } = groupExpressions[groupBy];
    const rows = await query
      .addSelect(group, 'group_value')
      .addSelect(label, 'group_label')
      .groupBy(group)
      .orderBy('requests', 'DESC')
      .addOrderBy('group_value', 'ASC')
      .getRawMany<RawTotals>();
    const groups = rows.map((row) => ({ ...totalsOf(row), group: row.group_value ?? null, label: row.group_label ?? null }));
    return { total: sumTotals(groups), groups };
  }

  async timeseries(range: TimeRange, bucketMs: number, groupBy?: UsageGroupBy): Promise<UsageBucketTotals[]> {
    if (!Number.isSafeInteger(bucketMs) || bucketMs <= 0) throw new Error(`invalid bucket size ${bucketMs}`);
    // A literal, not a parameter: PostgreSQL must see the same expression in SELECT and GROUP BY, and the same one
    // its statistics are on (migration UsageBucketStatistics) to hash the groups instead of sorting every row.
    const bucket = `(u.started_at / ${bucketMs}) * ${bucketMs}`;
    let query = this.totalsQuery(range).addSelect(bucket, 'bucket_start').groupBy(bucket).orderBy('bucket_start', 'ASC');
    if (groupBy) {
      const { group, label } = groupExpressions[groupBy];
      query = query.addSelect(group, 'group_value').addSelect(label, 'group_label').addGroupBy(group).addOrderBy('group_value', 'ASC');
    }
    const rows = await query.getRawMany<RawTotals>();
    return rows.map((row) => ({
      ...totalsOf(row),
      group: row.group_value ?? null,
      label: row.group_label ?? null,
      bucketStart: Number(row.bucket_start),
    }));
  }

  private totalsQuery(range: TimeRange): SelectQueryBuilder<UsageRecordRow> {
    return this.database.dataSource
      .getRepository(UsageRecordEntity)
      .createQueryBuilder('u')
      .select('COUNT(*)', 'requests')
      .addSelect('COALESCE(SUM(u.input_tokens), 0)', 'input_tokens')
      .addSelect('COALESCE(SUM(u.output_tokens), 0)', 'output_tokens')
      .addSelect('COALESCE(SUM(u.cached_tokens), 0)', 'cached_tokens')
      .addSelect('COALESCE(SUM(u.reasoning_tokens), 0)', 'reasoning_tokens')
      .addSelect('COALESCE(SUM(u.cost_usd), 0)', 'cost_usd')
      .addSelect('COALESCE(SUM(CASE WHEN u.status >= 400 THEN 1 ELSE 0 END), 0)', 'errors')
      .where('u.started_at >= :from AND u.started_at < :to', { from: range.from, to: range.to });
  }
}

function totalsOf(raw: RawTotals): UsageTotals {
  return {
    requests: Number(raw.requests),
    input_tokens: Number(raw.input_tokens),
    output_tokens: Number(raw.output_tokens),
    cached_tokens: Number(raw.cached_tokens),
    reasoning_tokens: Number(raw.reasoning_tokens),
    cost_usd: Number(raw.cost_usd),
    errors: Number(raw.errors),
  };
}

function sumTotals(groups: readonly UsageTotals[]): UsageTotals {
  const total: UsageTotals = { requests: 0, input_tokens: 0, output_tokens: 0, cached_tokens: 0, reasoning_tokens: 0, cost_usd: 0, errors: 0 };
  for (const group of groups) for (const field of Object.keys(total) as (keyof UsageTotals)[]) total[field] += group[field];
  return total;
}
