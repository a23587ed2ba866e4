import { describe, expect, it } from 'vitest';
import { type TokenUsage } from '../usage/token-usage';
import { anthropicUsageFromTokenUsage, tokenUsageFromAnthropic } from './anthropic-usage';

describe('tokenUsageFromAnthropic', () => {
  it.each<[string, unknown, TokenUsage]>([
    ['plain', { input_tokens: 25, output_tokens: 15 }, { inputTokens: 25, outputTokens: 15, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }],
    [
      'cache reads and writes counted into input',
      { input_tokens: 6, output_tokens: 21, cache_read_input_tokens: 41203, cache_creation_input_tokens: 1200 },
      { inputTokens: 42409, outputTokens: 21, cacheReadTokens: 41203, cacheWriteTokens: 1200, reasoningTokens: 0 },
    ],
    [
      'nulls as Anthropic sends them',
      { input_tokens: 10, output_tokens: 2, cache_read_input_tokens: null, cache_creation_input_tokens: null },
      { inputTokens: 10, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
    ],
    [
      'thinking tokens as reasoning',
      { input_tokens: 10, output_tokens: 500, output_tokens_details: { thinking_tokens: 420 } },
      { inputTokens: 10, outputTokens: 500, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 420 },
    ],
    ['missing', undefined, { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }],
  ])('%s', (_name, usage, expected) => {
    expect(tokenUsageFromAnthropic(usage)).toEqual(expected);
  });
});

describe('anthropicUsageFromTokenUsage', () => {
  it.each<[string, TokenUsage, ReturnType<typeof anthropicUsageFromTokenUsage>]>([
    [
      'input_tokens leaves the cache out',
      { inputTokens: 42409, outputTokens: 21, cacheReadTokens: 41203, cacheWriteTokens: 1200, reasoningTokens: 0 },
      { input_tokens: 6, output_tokens: 21, cache_read_input_tokens: 41203, cache_creation_input_tokens: 1200 },
    ],
    [
      'OpenAI cached tokens',
      { inputTokens: 2048, outputTokens: 40, cacheReadTokens: 1024, cacheWriteTokens: 0, reasoningTokens: 12 },
      { input_tokens: 1024, output_tokens: 40, cache_read_input_tokens: 1024, cache_creation_input_tokens: 0 },
    ],
    [
      'never negative',
      { inputTokens: 0, outputTokens: 1, cacheReadTokens: 5, cacheWriteTokens: 0, reasoningTokens: 0 },
      { input_tokens: 0, output_tokens: 1, cache_read_input_tokens: 5, cache_creation_input_tokens: 0 },
    ],
  ])('%s', (_name, usage, expected) => {
    expect(anthropicUsageFromTokenUsage(usage)).toEqual(expected);
  });

  it('round-trips through the reader', () => {
    const usage = { inputTokens: 5000, outputTokens: 300, cacheReadTokens: 4000, cacheWriteTokens: 600, reasoningTokens: 0 };
    expect(tokenUsageFromAnthropic(anthropicUsageFromTokenUsage(usage))).toEqual(usage);
  });
});
