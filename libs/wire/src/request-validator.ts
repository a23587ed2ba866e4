import { type z } from 'zod';
import { type ValidationResult, validationIssuesFromZod } from './validation-issues';

export type RequestValidator<T> = (body: unknown) => ValidationResult<T>;

/** Wraps a request schema into the validator the gateway calls on every request body. */
export function createRequestValidator<T>(schema: z.ZodType<T>): RequestValidator<T> {
  return (body) => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { ok: false, issues: [{ path: '', message: 'expected a JSON object' }] };
    }
    const result = schema.safeParse(body);
    if (result.success) return { ok: true, value: result.data };
    return { ok: false, issues: validationIssuesFromZod(result.error.issues, body) };
  };
}
