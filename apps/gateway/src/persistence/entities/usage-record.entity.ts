import { EntitySchema } from 'typeorm';
import { bigintAsNumber } from './bigint-as-number';

/** One finished /v1 request. Properties are named as their columns, so raw SQL and the query builder read the same. */
export interface UsageRecordRow {
  /** Assigned by the database (bigint on PostgreSQL, read as a string; integer on SQLite). */
  id?: string | number;
  started_at: number;
  request_id: string;
  key_id: string | null;
  key_name: string | null;
  team: string | null;
  endpoint: string;
  client_dialect: string;
  requested_model: string | null;
  routed_model: string | null;
  upstream_model: string | null;
  provider: string | null;
  decision: string | null;
  status: number;
  error_kind: string | null;
  stream: boolean;
  aborted: boolean;
  input_tokens: number;
  output_tokens: number;
  cached_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  cost_usd: number;
  latency_ms: number;
  ttft_ms: number | null;
  attempts: number;
}

const text = (length: number) => ({ type: 'varchar', length, nullable: true }) as const;
const count = { type: 'integer' } as const;

export const UsageRecordEntity = new EntitySchema<UsageRecordRow>({
  name: 'UsageRecord',
  tableName: 'usage_records',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    started_at: { type: 'bigint', transformer: bigintAsNumber },
    request_id: { type: 'varchar', length: 128 },
    key_id: text(64),
    key_name: text(200),
    team: text(200),
    endpoint: { type: 'varchar', length: 32 },
    client_dialect: { type: 'varchar', length: 32 },
    requested_model: text(200),
    routed_model: text(200),
    upstream_model: text(200),
    provider: text(100),
    decision: text(200),
    status: count,
    error_kind: text(32),
    stream: { type: 'boolean' },
    aborted: { type: 'boolean' },
    input_tokens: count,
    output_tokens: count,
    cached_tokens: count,
    cache_write_tokens: count,
    reasoning_tokens: count,
    cost_usd: { type: 'double precision' },
    latency_ms: count,
    ttft_ms: { type: 'integer', nullable: true },
    attempts: count,
  },
});
