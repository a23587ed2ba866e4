import { validationIssuesOf } from '@gatehouse/contracts';
import { type z } from 'zod';
import { AdminValidationError } from './admin-validation-error';

/**
 * Parses an admin request's body or query with its shared schema; 400 with every bad field's path otherwise.
 * A missing body reads as `{}`, so the answer names the fields that are required.
 */
export function validated<Schema extends z.ZodType>(schema: Schema, value: unknown, what: 'request body' | 'query' = 'request body'): z.output<Schema> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new AdminValidationError(validationIssuesOf(result.error), what);
}
