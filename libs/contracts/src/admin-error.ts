import { z } from 'zod';

/** One invalid field of a request: its path in the body or query (`limits.rpm`, `targets[0].provider`) and what is wrong. */
export const validationIssueSchema = z.object({ path: z.string(), message: z.string() });

/** Every admin API error: OpenAI's error shape, plus `issues` on a 400 for a body or query that failed validation. */
export const adminErrorSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    code: z.string().nullable(),
    param: z.string().nullable(),
    issues: z.array(validationIssueSchema).optional(),
  }),
});

export type ValidationIssue = z.output<typeof validationIssueSchema>;
export type AdminError = z.output<typeof adminErrorSchema>;
