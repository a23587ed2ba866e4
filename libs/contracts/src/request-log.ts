import { z } from 'zod';
import { isoTimeSchema } from './iso-time';

/** `status`: an exact code (`429`), a class (`2xx`, `4xx`, `5xx`), `error` (400 and above) or `ok` (below 400). */
export const statusFilterSchema = z
  .string()
  .regex(/^([1-5]\d\d|[1-5]xx|error|ok)$/, 'must be a status code (429), a class (4xx), error or ok');

/** `GET /admin/api/requests` (and `/admin/api/requests/export` for CSV, which ignores limit and cursor) */
export const requestLogQuerySchema = z.strictObject({
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
  /** `next_cursor` of the previous page. */
  cursor: z.string().min(1).optional(),
  /** The model name, as requested or as routed. */
  model: z.string().min(1).optional(),
  /** A key id. */
  key: z.string().min(1).optional(),
  team: z.string().min(1).optional(),
  provider: z.string().min(1).optional(),
  status: statusFilterSchema.optional(),
  from: isoTimeSchema.optional(),
  to: isoTimeSchema.optional(),
});

/** One request as recorded: who, what, how it went, what it used. */
export const requestLogEntrySchema = z.object({
  id: z.string(),
  time: z.string(),
  request_id: z.string(),
  key_id: z.string().nullable(),
  key_name: z.string().nullable(),
  team: z.string().nullable(),
  endpoint: z.string(),
  client_dialect: z.string(),
  requested_model: z.string().nullable(),
  routed_model: z.string().nullable(),
  upstream_model: z.string().nullable(),
  provider: z.string().nullable(),
  decision: z.string().nullable(),
  status: z.number().int(),
  error_kind: z.string().nullable(),
  stream: z.boolean(),
  aborted: z.boolean(),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  cached_tokens: z.number().int(),
  cache_write_tokens: z.number().int(),
  reasoning_tokens: z.number().int(),
  cost_usd: z.number(),
  latency_ms: z.number(),
  ttft_ms: z.number().nullable(),
  attempts: z.number().int(),
});

export const requestLogPageSchema = z.object({
  data: z.array(requestLogEntrySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  next_cursor: z.string().nullable(),
});

export type RequestLogQuery = z.input<typeof requestLogQuerySchema>;
export type RequestLogEntry = z.output<typeof requestLogEntrySchema>;
export type RequestLogPage = z.output<typeof requestLogPageSchema>;
