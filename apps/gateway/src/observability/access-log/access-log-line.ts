import { type ConfigLabels } from '../config-labels';
import { genAiOperationOf } from '../genai-operation';
import { type RequestOutcome } from '../request-outcome';

/**
 * The fields of one access-log line, named as in the GenAI conventions where they have a name there. Undefined
 * fields are left out by the JSON writer. Nothing secret goes in: no headers, no key, no body, no query string.
 */
export function accessLogLine(outcome: RequestOutcome, labels: ConfigLabels): Record<string, unknown> {
  const { usage, parameters, response, principal } = outcome;
  const reachedProvider = outcome.provider !== undefined && outcome.attempts > 0;
  const counted = reachedProvider && (outcome.status < 400 || usage.inputTokens > 0 || usage.outputTokens > 0);
  return {
    request_id: outcome.requestId,
    trace_id: outcome.traceId,
    method: outcome.method,
    path: outcome.path,
    status: outcome.status,
    endpoint: outcome.endpoint,
    route: outcome.routedModel,
    decision: outcome.decision,
    provider: outcome.provider,
    upstream: labels.serverOf(outcome.provider)?.hostPort,
    'gen_ai.operation.name': genAiOperationOf[outcome.endpoint],
    'gen_ai.provider.name': outcome.provider === undefined ? undefined : labels.providerTypeOf(outcome.provider),
    'gen_ai.request.model': outcome.requestedModel,
    'gen_ai.response.model': response?.model,
    'gen_ai.response.id': response?.id,
    'gen_ai.response.finish_reasons': response?.finishReasons,
    'gen_ai.usage.input_tokens': counted ? usage.inputTokens : undefined,
    'gen_ai.usage.output_tokens': counted ? usage.outputTokens : undefined,
    'gen_ai.usage.cache_read.input_tokens': counted ? usage.cacheReadTokens : undefined,
    'gen_ai.usage.cache_creation.input_tokens': counted ? usage.cacheWriteTokens : undefined,
    'gen_ai.request.temperature': parameters?.temperature,
    'gen_ai.request.max_tokens': parameters?.maxTokens,
    'gen_ai.request.top_p': parameters?.topP,
    stream: outcome.stream,
    duration_ms: Math.round(outcome.latencyMs * 10) / 10,
    ttft_ms: outcome.ttftMs === undefined ? undefined : Math.round(outcome.ttftMs * 10) / 10,
    key: principal?.keyName,
    team: principal?.team,
    attempts: outcome.attempts,
    'error.type': outcome.errorCode,
    aborted: outcome.aborted || undefined,
  };
}
