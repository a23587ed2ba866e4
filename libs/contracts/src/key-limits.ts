import { z } from 'zod';

const positiveInteger = z.number().int('must be a whole number').min(1, 'must be at least 1');

/** Per-key rate limits, as in the config file's `keys[].limits`. */
export const keyLimitsSchema = z.strictObject({
  rpm: positiveInteger.optional().describe('requests per minute'),
  tpm: positiveInteger.optional().describe('tokens (input + output) per minute'),
  concurrent: positiveInteger.optional().describe('requests in flight at once'),
});

export type KeyLimits = z.output<typeof keyLimitsSchema>;
