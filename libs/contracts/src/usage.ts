import { z } from 'zod';
import { isoTimeSchema } from './iso-time';

export const usageGroupBySchema = z.enum(['model', 'provider', 'key', 'team', 'endpoint'], {
  error: () => 'must be model, provider, key, team or endpoint',
});
export const usageBucketSchema = z.enum(['1m', '1h', '1d'], { error: () => 'must be 1m, 1h or 1d' });

/** A time range; both ends optional (default: the last 24 hours up to now). `from` is inclusive, `to` exclusive. */
const timeRange = { from: isoTimeSchema.optional(), to: isoTimeSchema.optional() };

/** `GET /admin/api/usage/summary` query */
export const usageSummaryQuerySchema = z.strictObject({ ...timeRange, group_by: usageGroupBySchema.optional() });

/** `GET /admin/api/usage/timeseries` query */
export const usageTimeseriesQuerySchema = z.strictObject({ ...timeRange, bucket: usageBucketSchema.default('1h'), group_by: usageGroupBySchema.optional() });

export const usageTotalsSchema = z.object({
  requests: z.number().int(),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  cached_tokens: z.number().int(),
  reasoning_tokens: z.number().int(),
  cost_usd: z.number(),
  /** Requests answered with a status of 400 or more. */
  errors: z.number().int(),
});

/** One group: `group` is the value grouped on (model name as configured, provider, key id, team, endpoint); null when unknown. */
export const usageGroupSchema = usageTotalsSchema.extend({
  group: z.string().nullable(),
  /** A readable name for the group: the key's name for `group_by=key`, else the group itself. */
  label: z.string().nullable(),
});

export const usageSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  group_by: usageGroupBySchema.nullable(),
  total: usageTotalsSchema,
  data: z.array(usageGroupSchema),
});

export const usageTimeseriesPointSchema = usageGroupSchema.extend({ bucket_start: z.string() });

export const usageTimeseriesSchema = z.object({
  from: z.string(),
  to: z.string(),
  bucket: usageBucketSchema,
  group_by: usageGroupBySchema.nullable(),
  /** Buckets with no requests are left out; points are ordered by bucket, then group. */
  data: z.array(usageTimeseriesPointSchema),
});

export type UsageGroupBy = z.output<typeof usageGroupBySchema>;
export type UsageBucket = z.output<typeof usageBucketSchema>;
export type UsageSummaryQuery = z.input<typeof usageSummaryQuerySchema>;
export type UsageTimeseriesQuery = z.input<typeof usageTimeseriesQuerySchema>;
export type UsageTotals = z.output<typeof usageTotalsSchema>;
export type UsageGroup = z.output<typeof usageGroupSchema>;
export type UsageSummary = z.output<typeof usageSummarySchema>;
export type UsageTimeseriesPoint = z.output<typeof usageTimeseriesPointSchema>;
export type UsageTimeseries = z.output<typeof usageTimeseriesSchema>;
