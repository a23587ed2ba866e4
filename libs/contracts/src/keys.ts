import { z } from 'zod';
import { budgetSchema } from './budget';
import { isoTimeSchema } from './iso-time';
import { keyLimitsSchema } from './key-limits';

const nameSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const modelNamesSchema = z.array(z.string().min(1, 'must not be empty')).describe('allow-list of model names; absent or null = every model');

/** `POST /admin/api/keys` */
export const createKeyRequestSchema = z.strictObject({
  name: nameSchema,
  team: nameSchema.optional(),
  models: modelNamesSchema.optional(),
  limits: keyLimitsSchema.optional(),
  budget: budgetSchema.optional(),
  expires_at: isoTimeSchema.optional(),
});

/** `PATCH /admin/api/keys/{id}`: only the fields given change; `null` removes a setting. */
export const updateKeyRequestSchema = z
  .strictObject({
    models: modelNamesSchema.nullable().optional(),
    limits: keyLimitsSchema.nullable().optional(),
    budget: budgetSchema.nullable().optional(),
    expires_at: isoTimeSchema.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one of models, limits, budget, expires_at');

/** A gateway key as the admin API shows it: never the secret, only its visible prefix. */
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the secret (`gk_live_ab12`), to recognise a key; masked for keys from the config file. */
  prefix: z.string(),
  team: z.string().nullable(),
  models: z.array(z.string()).nullable(),
  limits: keyLimitsSchema.nullable(),
  budget: budgetSchema.nullable(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  created_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  /** `config`: a bootstrap key from the config file (read-only here); `database`: made through the admin API. */
  source: z.enum(['config', 'database']),
});

/** The answer to `POST /admin/api/keys`: the key with its secret, shown this once. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string().describe('the secret; it is not stored and cannot be shown again') });

export const apiKeyListSchema = z.object({ data: z.array(apiKeySchema) });

export type CreateKeyRequest = z.input<typeof createKeyRequestSchema>;
export type UpdateKeyRequest = z.input<typeof updateKeyRequestSchema>;
export type ApiKey = z.output<typeof apiKeySchema>;
export type CreatedApiKey = z.output<typeof createdApiKeySchema>;
export type ApiKeyList = z.output<typeof apiKeyListSchema>;
