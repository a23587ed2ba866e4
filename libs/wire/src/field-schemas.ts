import { z } from 'zod';

// Field kinds that recur in every dialect. Their wording is set here because zod reports a string given to an
// integer field as "expected number".

export const integerSchema = z.int({ error: 'expected an integer' });

export const positiveIntegerSchema = integerSchema.min(1);

export const nonNegativeIntegerSchema = integerSchema.min(0);

/**
 * Any JSON object, its members unchecked and not copied: JSON schemas, tool inputs. (A `z.record` would walk and
 * copy every key of large tool schemas on each request.)
 */
export const jsonObjectSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { error: 'expected an object' },
);

/** String-to-string metadata maps. */
export const stringMapSchema = z.record(z.string(), z.string());
