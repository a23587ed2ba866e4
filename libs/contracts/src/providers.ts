import { z } from 'zod';

export const providerStatusSchema = z.object({
  name: z.string(),
  type: z.string(),
  /** The upstream URL, with any password in it masked. */
  base_url: z.string(),
  /** Models of the effective config with a target on this provider. */
  models: z.array(z.string()),
  health: z.object({
    /** Whether a TCP connection to the provider opened at the last check. */
    reachable: z.boolean(),
    checked_at: z.string(),
  }),
  /** Circuit-breaker state when the gateway tracks one (`closed`, `open`, `half_open`), else null. */
  breaker: z.string().nullable(),
});

export const providerListSchema = z.object({ data: z.array(providerStatusSchema) });

/** `POST /admin/api/providers/{name}/test`: one real call (the provider's model list), timed. */
export const providerTestResultSchema = z.object({
  provider: z.string(),
  ok: z.boolean(),
  /** The upstream's HTTP status; null when no answer came. */
  status: z.number().int().nullable(),
  latency_ms: z.number(),
  error: z.string().nullable(),
});

export type ProviderStatus = z.output<typeof providerStatusSchema>;
export type ProviderList = z.output<typeof providerListSchema>;
export type ProviderTestResult = z.output<typeof providerTestResultSchema>;
