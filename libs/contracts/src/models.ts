import { z } from 'zod';
import { keyLimitsSchema } from './key-limits';

const nonNegative = z.number().nonnegative('must not be negative');

/** USD per million tokens, as in the config file's `models[].pricing`. */
export const modelPricingSchema = z.strictObject({
  input_per_mtok: nonNegative,
  output_per_mtok: nonNegative,
  cache_read_per_mtok: nonNegative.optional(),
  cache_write_per_mtok: nonNegative.optional(),
});

export const modelTargetSchema = z.strictObject({
  provider: z.string().min(1, 'must not be empty'),
  /** Upstream model id; defaults to the model name. */
  model: z.string().min(1, 'must not be empty').optional(),
  weight: z.number().positive('must be more than 0').optional(),
});

/**
 * `PUT /admin/api/models/{name}`: a model as in the config file's `models[]`, without the name (it is in the path).
 * It is validated like the config file, references included (providers and fallbacks must exist).
 */
export const modelDefinitionSchema = z.strictObject({
  targets: z.array(modelTargetSchema).min(1, 'needs at least one target'),
  fallbacks: z.array(z.string().min(1, 'must not be empty')).optional(),
  max_tokens_default: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
  vision: z.boolean().optional(),
  pricing: modelPricingSchema.optional(),
  /** Gateway limits for this model over all keys together. */
  limits: keyLimitsSchema.optional(),
});

/** A model of the effective config (the file plus the overrides made through the admin API). */
export const effectiveModelSchema = z.object({
  name: z.string(),
  targets: z.array(z.object({ provider: z.string(), model: z.string(), weight: z.number() })),
  fallbacks: z.array(z.string()),
  max_tokens_default: z.number().nullable(),
  vision: z.boolean().nullable(),
  pricing: modelPricingSchema.nullable(),
  limits: keyLimitsSchema.nullable(),
  /** `config`: as in the file; `override`: defined or replaced through the admin API. */
  source: z.enum(['config', 'override']),
  /** Whether the file defines a model of this name (an override replaces it; deleting the override restores it). */
  in_config_file: z.boolean(),
});

export const modelListSchema = z.object({ data: z.array(effectiveModelSchema) });

export type ModelPricing = z.output<typeof modelPricingSchema>;
export type ModelDefinition = z.input<typeof modelDefinitionSchema>;
export type EffectiveModel = z.output<typeof effectiveModelSchema>;
export type ModelList = z.output<typeof modelListSchema>;
