import { describe, expect, it } from 'vitest';
import { emptyUsage, type TokenUsage } from '../usage/token-usage';
import { readOpenAIChatUsage } from '../usage/usage-readers';
import { openAIChatUsage } from './openai-chat-usage';

const usage = (fields: Partial<TokenUsage>): TokenUsage => ({ ...emptyUsage(), ...fields });

describe('openAIChatUsage', () => {
  it.each([
    [
      'plain',
      usage({ inputTokens: 10, outputTokens: 5 }),
      { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, prompt_tokens_details: { cached_tokens: 0 } },
    ],
    [
      // From Anthropic: input 100 + cache read 2000 + cache write 500 were summed into inputTokens by the reader.
      'Anthropic cache reads and writes',
      usage({ inputTokens: 2600, outputTokens: 40, cacheReadTokens: 2000, cacheWriteTokens: 500 }),
      { prompt_tokens: 2600, completion_tokens: 40, total_tokens: 2640, prompt_tokens_details: { cached_tokens: 2000 } },
    ],
    [
      'reasoning tokens',
      usage({ inputTokens: 12, outputTokens: 300, reasoningTokens: 256 }),
      {
        prompt_tokens: 12,
        completion_tokens: 300,
        total_tokens: 312,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 256 },
      },
    ],
  ])('%s', (_name, tokens, expected) => {
    expect(openAIChatUsage(tokens)).toEqual(expected);
  });

  it.each([
    usage({ inputTokens: 19, outputTokens: 10 }),
    usage({ inputTokens: 2150, outputTokens: 31, cacheReadTokens: 1920 }),
    usage({ inputTokens: 40, outputTokens: 900, cacheReadTokens: 32, reasoningTokens: 640 }),
  ])('reads back what it wrote: %j', (tokens) => {
    const read = emptyUsage();
    readOpenAIChatUsage(openAIChatUsage(tokens), read);
    expect(read).toEqual(tokens);
  });
});
