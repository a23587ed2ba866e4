import { type TokenUsage } from './token-usage';

type Json = Record<string, unknown>;
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const object = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' ? (value as Json) : undefined;

/**
 * Anthropic usage: input_tokens excludes the cache, so the cache reads and writes are added to it.
 * https://docs.anthropic.com/en/api/messages (usage)
 */
export function readAnthropicUsage(usage: unknown, into: TokenUsage): void {
  const u = object(usage);
  if (!u) return;
  const cacheRead = count(u.cache_read_input_tokens);
  const cacheWrite = count(u.cache_creation_input_tokens);
  if ('input_tokens' in u) into.inputTokens = count(u.input_tokens) + cacheRead + cacheWrite;
  if ('cache_read_input_tokens' in u) into.cacheReadTokens = cacheRead;
  if ('cache_creation_input_tokens' in u) into.cacheWriteTokens = cacheWrite;
  if ('output_tokens' in u) into.outputTokens = count(u.output_tokens);
}

/** OpenAI Chat usage: prompt_tokens already includes cached tokens. */
export function readOpenAIChatUsage(usage: unknown, into: TokenUsage): void {
  const u = object(usage);
  if (!u) return;
  into.inputTokens = count(u.prompt_tokens);
  into.outputTokens = count(u.completion_tokens);
  into.cacheReadTokens = count(object(u.prompt_tokens_details)?.cached_tokens);
  into.reasoningTokens = count(object(u.completion_tokens_details)?.reasoning_tokens);
}

/** OpenAI Responses usage: input_tokens includes cached tokens. */
export function readOpenAIResponsesUsage(usage: unknown, into: TokenUsage): void {
  const u = object(usage);
  if (!u) return;
  into.inputTokens = count(u.input_tokens);
  into.outputTokens = count(u.output_tokens);
  into.cacheReadTokens = count(object(u.input_tokens_details)?.cached_tokens);
  into.reasoningTokens = count(object(u.output_tokens_details)?.reasoning_tokens);
}
