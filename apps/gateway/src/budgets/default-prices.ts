import { type ModelPricing } from '../config';

const price = (input: number, output: number, cacheRead?: number, cacheWrite?: number): ModelPricing => ({
  input_per_mtok: input,
  output_per_mtok: output,
  ...(cacheRead === undefined ? {} : { cache_read_per_mtok: cacheRead }),
  ...(cacheWrite === undefined ? {} : { cache_write_per_mtok: cacheWrite }),
});

/**
 * List prices in USD per million tokens of well-known models, used when the config gives none (config `pricing`
 * and `models[].pricing` take precedence). Keys are upstream model ids without a date suffix.
 * Anthropic: https://docs.anthropic.com/en/docs/about-claude/pricing (cache write = 5-minute cache)
 * OpenAI: https://platform.openai.com/docs/pricing
 */
export const defaultPrices: Readonly<Record<string, ModelPricing>> = {
  'claude-opus-4-5': price(5, 25, 0.5, 6.25),
  'claude-opus-4-1': price(15, 75, 1.5, 18.75),
  'claude-opus-4': price(15, 75, 1.5, 18.75),
  'claude-sonnet-4-5': price(3, 15, 0.3, 3.75),
  'claude-sonnet-4': price(3, 15, 0.3, 3.75),
  'claude-3-7-sonnet': price(3, 15, 0.3, 3.75),
  'claude-haiku-4-5': price(1, 5, 0.1, 1.25),
  'claude-3-5-haiku': price(0.8, 4, 0.08, 1),
  'gpt-5': price(1.25, 10, 0.125),
  'gpt-5-mini': price(0.25, 2, 0.025),
  'gpt-5-nano': price(0.05, 0.4, 0.005),
  'gpt-4.1': price(2, 8, 0.5),
  'gpt-4.1-mini': price(0.4, 1.6, 0.1),
  'gpt-4.1-nano': price(0.1, 0.4, 0.025),
  'gpt-4o': price(2.5, 10, 1.25),
  'gpt-4o-mini': price(0.15, 0.6, 0.075),
  o3: price(2, 8, 0.5),
  'o3-mini': price(1.1, 4.4, 0.55),
  'o4-mini': price(1.1, 4.4, 0.275),
};

/** `claude-sonnet-4-5-20250929` → `claude-sonnet-4-5`, `gpt-4o-2024-08-06` → `gpt-4o`, `openai/gpt-4o` → `gpt-4o`. */
export function undatedModelId(id: string): string {
  const base = id.slice(id.lastIndexOf('/') + 1);
  return base.replace(/-\d{8}$/, '').replace(/-\d{4}-\d{2}-\d{2}$/, '');
}
