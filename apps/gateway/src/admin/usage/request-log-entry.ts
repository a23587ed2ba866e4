import { type RequestLogEntry } from '@gatehouse/contracts';
import { type UsageRecordRow } from '../../persistence/entities/usage-record.entity';

/** A usage record as the admin API shows it (ISO time; SQLite's 0/1 booleans as booleans). */
export function requestLogEntryOf(row: UsageRecordRow): RequestLogEntry {
  return {
    id: String(row.id),
    time: new Date(row.started_at).toISOString(),
    request_id: row.request_id,
    key_id: row.key_id,
    key_name: row.key_name,
    team: row.team,
    endpoint: row.endpoint,
    client_dialect: row.client_dialect,
    requested_model: row.requested_model,
    routed_model: row.routed_model,
    upstream_model: row.upstream_model,
    provider: row.provider,
    decision: row.decision,
    status: row.status,
    error_kind: row.error_kind,
    stream: Boolean(row.stream),
    aborted: Boolean(row.aborted),
    input_tokens: row.input_tokens,
    output_tokens: row.output_tokens,
    cached_tokens: row.cached_tokens,
    cache_write_tokens: row.cache_write_tokens,
    reasoning_tokens: row.reasoning_tokens,
    cost_usd: row.cost_usd,
    latency_ms: row.latency_ms,
    ttft_ms: row.ttft_ms,
    attempts: row.attempts,
  };
}
