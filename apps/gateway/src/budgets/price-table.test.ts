import { describe, expect, it } from 'vitest';
import { type EffectiveConfig } from '../admin/effective-config';
import { type GatehouseConfig, validateConfig } from '../config';
import { PriceTable } from './price-table';

const providers = [{ name: 'local', type: 'openai', base_url: 'http://127.0.0.1:9/v1' }];

const configWith = (modelPricing?: { input_per_mtok: number; output_per_mtok: number }) =>
  validateConfig({
    providers,
    models: [
      { name: 'priced', targets: [{ provider: 'local', model: 'claude-sonnet-4-5-20250929' }], ...(modelPricing ? { pricing: modelPricing } : {}) },
      { name: 'by-name', targets: [{ provider: 'local', model: 'qwen' }] },
    ],
    pricing: { 'by-name': { input_per_mtok: 7, output_per_mtok: 8 }, 'Qwen/Qwen3': { input_per_mtok: 0.5, output_per_mtok: 1 } },
  });

/** An EffectiveConfig whose config can be swapped, as an admin API model override swaps it. */
function tableOver(initial: GatehouseConfig): { table: PriceTable; swap(next: GatehouseConfig): void } {
  const effective = { config: initial };
  return { table: new PriceTable(effective as EffectiveConfig), swap: (next) => (effective.config = next) };
}

describe('PriceTable', () => {
  it('takes the model’s own pricing, then top-level pricing by name or upstream id, then the built-in table', () => {
    const { table } = tableOver(configWith({ input_per_mtok: 2, output_per_mtok: 4 }));
    expect(table.priceOf('priced', 'claude-sonnet-4-5-20250929')).toMatchObject({ input_per_mtok: 2, output_per_mtok: 4 });
    expect(table.priceOf('by-name', 'qwen')).toMatchObject({ input_per_mtok: 7, output_per_mtok: 8 });
    expect(table.priceOf('unpriced', 'Qwen/Qwen3')).toMatchObject({ input_per_mtok: 0.5, output_per_mtok: 1 });
    // The built-in table knows the upstream id once its date suffix is gone.
    expect(tableOver(configWith()).table.priceOf('priced', 'claude-sonnet-4-5-20250929')).toMatchObject({ input_per_mtok: 3, output_per_mtok: 15 });
    expect(table.priceOf('nobody-knows', 'this-model')).toBeUndefined();
  });

  it('follows a changed effective config, though it remembers each lookup', () => {
    const { table, swap } = tableOver(configWith({ input_per_mtok: 2, output_per_mtok: 4 }));
    expect(table.priceOf('priced', 'claude-sonnet-4-5-20250929')?.input_per_mtok).toBe(2);
    swap(configWith({ input_per_mtok: 9, output_per_mtok: 9 }));
    expect(table.priceOf('priced', 'claude-sonnet-4-5-20250929')?.input_per_mtok).toBe(9);
    swap(configWith());
    expect(table.priceOf('priced', 'claude-sonnet-4-5-20250929')?.input_per_mtok).toBe(3);
  });

  it('prices an outcome by its routed model, and a model it cannot price at 0', () => {
    const { table } = tableOver(configWith({ input_per_mtok: 2, output_per_mtok: 4 }));
    const usage = { inputTokens: 1_000_000, outputTokens: 500_000, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
    const outcome = { usage, requestedModel: 'auto', routedModel: 'priced', upstreamModel: 'claude-sonnet-4-5-20250929' };
    expect(table.costOf(outcome as never)).toBeCloseTo(4);
    expect(table.costOf({ usage, requestedModel: 'nope' } as never)).toBe(0);
  });
});
