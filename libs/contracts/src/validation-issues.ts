import { type z } from 'zod';
import { type ValidationIssue } from './admin-error';

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A path as users read it: `limits.rpm`, `targets[0].provider`, `pricing["Qwen/Qwen2.5"]`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let formatted = '';
  for (const segment of path) {
    if (typeof segment === 'number') formatted += `[${segment}]`;
    else if (typeof segment === 'string' && PLAIN_KEY.test(segment)) formatted += formatted ? `.${segment}` : segment;
    else formatted += `[${JSON.stringify(String(segment))}]`;
  }
  return formatted;
}

/** Every problem zod found, one per field; an unknown key is reported at its own path. */
export function validationIssuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key]), message: 'unknown field' }));
    }
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.message;
    return [{ path: formatIssuePath(issue.path), message }];
  });
}
