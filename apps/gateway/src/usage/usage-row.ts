import { type RequestOutcome } from '../observability/request-outcome';
import { type UsageRecordRow } from '../persistence/entities/usage-record.entity';

const clip = (value: string | undefined, length: number): string | null => (value === undefined ? null : value.slice(0, length));

/** The usage record of one finished request (lengths clipped to the columns, times in whole milliseconds). */
export function usageRowOf(outcome: RequestOutcome, costUsd: number): UsageRecordRow {
  return {
    started_at: outcome.startedAt.getTime(),
    request_id: outcome.requestId.slice(0, 128),
    key_id: clip(outcome.principal?.keyId, 64),
    key_name: clip(outcome.principal?.keyName, 200),
    team: clip(outcome.principal?.team, 200),
    endpoint: outcome.endpoint,
    client_dialect: outcome.clientDialect,
    requested_model: clip(outcome.requestedModel, 200),
    routed_model: clip(outcome.routedModel, 200),
    upstream_model: clip(outcome.upstreamModel, 200),
    provider: clip(outcome.provider, 100),
    decision: clip(outcome.decision, 200),
    status: outcome.status,
    error_kind: outcome.errorCode ?? null,
    stream: outcome.stream,
    aborted: outcome.aborted,
    input_tokens: outcome.usage.inputTokens,
    output_tokens: outcome.usage.outputTokens,
    cached_tokens: outcome.usage.cacheReadTokens,
    cache_write_tokens: outcome.usage.cacheWriteTokens,
    reasoning_tokens: outcome.usage.reasoningTokens,
    cost_usd: costUsd,
    latency_ms: Math.round(outcome.latencyMs),
    ttft_ms: outcome.ttftMs === undefined ? null : Math.round(outcome.ttftMs),
    attempts: outcome.attempts,
  };
}
