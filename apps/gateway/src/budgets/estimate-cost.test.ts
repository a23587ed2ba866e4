import { describe, expect, it } from 'vitest';
import { emptyUsage } from '@gatehouse/translate';
import { defaultPrices, undatedModelId } from './default-prices';
import { estimateCost } from './estimate-cost';

describe('estimateCost', () => {
  const sonnet = { input_per_mtok: 3, output_per_mtok: 15, cache_read_per_mtok: 0.3, cache_write_per_mtok: 3.75 };

  it('prices plain input, cache reads, cache writes and output each at their own rate', () => {
    // 1000 input tokens of which 600 cache reads and 100 cache writes: 300 plain.
    const usage = { ...emptyUsage(), inputTokens: 1000, cacheReadTokens: 600, cacheWriteTokens: 100, outputTokens: 200 };
    const expected = (300 * 3 + 600 * 0.3 + 100 * 3.75 + 200 * 15) / 1e6;
    expect(estimateCost(usage, sonnet)).toBeCloseTo(expected, 12);
  });

  it('charges cached tokens as plain input when the price has no cache rate', () => {
    const usage = { ...emptyUsage(), inputTokens: 1000, cacheReadTokens: 1000 };
    expect(estimateCost(usage, { input_per_mtok: 2, output_per_mtok: 8 })).toBeCloseTo(0.002, 12);
  });

  it('is 0 for a model without a price', () => {
    expect(estimateCost({ ...emptyUsage(), inputTokens: 10, outputTokens: 10 }, undefined)).toBe(0);
  });
});

describe('undatedModelId', () => {
  it.each([
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['openai/gpt-4.1-mini', 'gpt-4.1-mini'],
    ['Qwen/Qwen2.5-7B-Instruct', 'Qwen2.5-7B-Instruct'],
  ])('%s → %s', (id, expected) => {
    expect(undatedModelId(id)).toBe(expected);
  });

  it('finds every current Claude snapshot in the default prices', () => {
    for (const snapshot of ['claude-opus-4-5-20251101', 'claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001']) {
      expect(defaultPrices[undatedModelId(snapshot)], snapshot).toBeDefined();
    }
  });
});
