import { type TokenUsage, emptyUsage } from '../usage/token-usage';
import { readAnthropicUsage } from '../usage/usage-readers';

/** The usage object an Anthropic client reads (response `usage`, stream `message_start` and `message_delta`). */
export interface AnthropicClientUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

type Json = Record<string, unknown>;

/**
 * Anthropic usage → canonical, with `output_tokens_details.thinking_tokens` as the reasoning count.
 * https://docs.claude.com/en/api/messages (usage)
 */
export function tokenUsageFromAnthropic(usage: unknown): TokenUsage {
  const into = emptyUsage();
  readAnthropicUsage(usage, into);
  const details = usage !== null && typeof usage === 'object' ? (usage as Json).output_tokens_details : undefined;
  const thinking = details !== null && typeof details === 'object' ? (details as Json).thinking_tokens : undefined;
  if (typeof thinking === 'number' && Number.isFinite(thinking)) into.reasoningTokens = thinking;
  return into;
}

/** Canonical → Anthropic: Anthropic's `input_tokens` leaves out the cache reads and writes, so they are taken off. */
export function anthropicUsageFromTokenUsage(usage: TokenUsage): AnthropicClientUsage {
  return {
    input_tokens: Math.max(0, usage.inputTokens - usage.cacheReadTokens - usage.cacheWriteTokens),
    output_tokens: usage.outputTokens,
    cache_creation_input_tokens: usage.cacheWriteTokens,
    cache_read_input_tokens: usage.cacheReadTokens,
  };
}
