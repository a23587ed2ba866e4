import { type Attributes } from '@opentelemetry/api';
import { type RequestOutcome } from '../request-outcome';

/** Adds the client's generation parameters (gen_ai.request.*) that were set. */
export function addRequestParameters(attributes: Attributes, outcome: Partial<RequestOutcome>): void {
  const parameters = outcome.parameters;
  attributes['gen_ai.request.stream'] = outcome.stream ?? false;
  if (parameters === undefined) return;
  if (parameters.maxTokens !== undefined) attributes['gen_ai.request.max_tokens'] = parameters.maxTokens;
  if (parameters.temperature !== undefined) attributes['gen_ai.request.temperature'] = parameters.temperature;
  if (parameters.topP !== undefined) attributes['gen_ai.request.top_p'] = parameters.topP;
}

/**
 * Adds what the answer said (gen_ai.response.*) and the token usage (gen_ai.usage.*), the same numbers as in the
 * metrics and usage records: input counts cache reads and writes, which are also given on their own.
 */
export function addResponseAttributes(attributes: Attributes, outcome: RequestOutcome): void {
  const { response, usage } = outcome;
  if (response?.id !== undefined) attributes['gen_ai.response.id'] = response.id;
  if (response?.model !== undefined) attributes['gen_ai.response.model'] = response.model;
  if (response?.finishReasons !== undefined) attributes['gen_ai.response.finish_reasons'] = response.finishReasons;
  if (outcome.status >= 400 && usage.inputTokens === 0 && usage.outputTokens === 0) return;
  attributes['gen_ai.usage.input_tokens'] = usage.inputTokens;
  attributes['gen_ai.usage.output_tokens'] = usage.outputTokens;
  attributes['gen_ai.usage.cache_read.input_tokens'] = usage.cacheReadTokens;
  attributes['gen_ai.usage.cache_creation.input_tokens'] = usage.cacheWriteTokens;
  if (usage.reasoningTokens > 0) attributes['gen_ai.usage.reasoning.output_tokens'] = usage.reasoningTokens;
}

/** error.type for a failure: the gateway's error code, or the thrown error's name. */
export function errorTypeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string' && name !== 'Error') return name;
  }
  return '_OTHER';
}
