import { type UsageBucket, type UsageSummary, type UsageTimeseries, usageSummaryQuerySchema, usageTimeseriesQuerySchema } from '@gatehouse/contracts';
import { Get, Inject, Query } from '@nestjs/common';
import { UsageAnalytics } from '../../usage/usage-analytics';
import { AdminApi } from '../admin-api.decorator';
import { AdminValidationError } from '../admin-validation-error';
import { validated } from '../validated';
import { timeRangeOf } from './time-range-of';

const bucketMs: Record<UsageBucket, number> = { '1m': 60_000, '1h': 3_600_000, '1d': 86_400_000 };
const MAX_BUCKETS = 10_000;

@AdminApi('usage')
export class UsageController {
  constructor(@Inject(UsageAnalytics) private readonly analytics: UsageAnalytics) {}

  @Get('summary')
  async summary(@Query() query: unknown): Promise<UsageSummary> {
    const { group_by, ...range } = validated(usageSummaryQuerySchema, query, 'query');
    const { from, to } = timeRangeOf(range);
    const { total, groups } = await this.analytics.summary({ from, to }, group_by);
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), group_by: group_by ?? null, total, data: groups };
  }

  @Get('timeseries')
  async timeseries(@Query() query: unknown): Promise<UsageTimeseries> {
    const { group_by, bucket, ...range } = validated(usageTimeseriesQuerySchema, query, 'query');
    const { from, to } = timeRangeOf(range);
    if ((to - from) / bucketMs[bucket] > MAX_BUCKETS) {
      throw new AdminValidationError([{ path: 'bucket', message: `the range would make more than ${MAX_BUCKETS} buckets: use a larger bucket or a shorter range` }], 'query');
    }
    const points = await this.analytics.timeseries({ from, to }, bucketMs[bucket], group_by);
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      bucket,
      group_by: group_by ?? null,
      data: points.map(({ bucketStart, ...point }) => ({ bucket_start: new Date(bucketStart).toISOString(), ...point })),
    };
  }
}
