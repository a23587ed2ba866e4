import { type OpenAIChatUsage } from '@gatehouse/wire';
import { type TokenUsage } from '../usage/token-usage';

/**
 * Canonical usage → OpenAI's `usage`. `inputTokens` already counts cache reads and writes, as `prompt_tokens` does;
 * the reads are also `cached_tokens`. Reasoning tokens are given only when the upstream reported some.
 * https://platform.openai.com/docs/api-reference/chat/object#chat/object-usage
 */
export function openAIChatUsage(usage: TokenUsage): OpenAIChatUsage {
  const encoded: OpenAIChatUsage = {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cacheReadTokens },
  };
  if (usage.reasoningTokens > 0) encoded.completion_tokens_details = { reasoning_tokens: usage.reasoningTokens };
  return encoded;
}
