import {
  type UsageBucket,
  type UsageGroupBy,
  type UsageSummary,
  usageSummarySchema,
  type UsageTimeseries,
  usageTimeseriesSchema,
} from '@gatehouse/contracts';
import { type AdminApiConnection } from './admin-api-connection';

export interface UsageRange {
  from: string;
  to: string;
  groupBy?: UsageGroupBy;
}

/** `/admin/api/usage/summary` and `/admin/api/usage/timeseries` */
export const usageApi = {
  summary(api: AdminApiConnection, { from, to, groupBy }: UsageRange, signal?: AbortSignal): Promise<UsageSummary> {
    return api.json('/usage/summary', usageSummarySchema, { query: { from, to, group_by: groupBy }, signal });
  },
  timeseries(api: AdminApiConnection, { from, to, groupBy }: UsageRange, bucket: UsageBucket, signal?: AbortSignal): Promise<UsageTimeseries> {
    return api.json('/usage/timeseries', usageTimeseriesSchema, { query: { from, to, bucket, group_by: groupBy }, signal });
  },
};
