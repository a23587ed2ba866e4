import { type TokenUsage } from '@gatehouse/translate';
import { type ModelPricing } from '../config';

/**
 * Estimated USD cost of one response. `inputTokens` includes cache reads and writes (see TokenUsage), so those are
 * taken out and priced at their own rates; without a cache rate they cost as plain input. Reasoning tokens are part
 * of the output tokens already.
 */
export function estimateCost(usage: TokenUsage, pricing: ModelPricing | undefined): number {
  if (!pricing) return 0;
  const plainInput = Math.max(0, usage.inputTokens - usage.cacheReadTokens - usage.cacheWriteTokens);
  const micro =
    plainInput * pricing.input_per_mtok +
    usage.cacheReadTokens * (pricing.cache_read_per_mtok ?? pricing.input_per_mtok) +
    usage.cacheWriteTokens * (pricing.cache_write_per_mtok ?? pricing.input_per_mtok) +
    usage.outputTokens * pricing.output_per_mtok;
  return micro / 1_000_000;
}
