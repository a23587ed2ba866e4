import { type OpenAIResponsesUsage } from '@gatehouse/wire';
import { type TokenUsage } from '../usage/token-usage';

/**
 * Canonical usage → a Responses `usage`. `input_tokens` counts cached tokens too, as `inputTokens` does; the cache
 * reads are also `cached_tokens`. https://platform.openai.com/docs/api-reference/responses/object#responses/object-usage
 */
export function openAIResponsesUsage(usage: TokenUsage): OpenAIResponsesUsage {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: usage.cacheReadTokens },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: usage.reasoningTokens },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}
