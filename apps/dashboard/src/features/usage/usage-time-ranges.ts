import { type UsageBucket } from '@gatehouse/contracts';

export type UsageRangeId = '1h' | '24h' | '7d' | '30d';

export interface UsageTimeRange {
  label: string;
  /** How far back from now. */
  spanMs: number;
  /** The bucket that gives a readable number of points for the span (60, 24, 168, 30). */
  bucket: UsageBucket;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

export const usageTimeRanges: Record<UsageRangeId, UsageTimeRange> = {
  '1h': { label: '1 h', spanMs: hourMs, bucket: '1m' },
  '24h': { label: '24 h', spanMs: dayMs, bucket: '1h' },
  '7d': { label: '7 d', spanMs: 7 * dayMs, bucket: '1h' },
  '30d': { label: '30 d', spanMs: 30 * dayMs, bucket: '1d' },
};

export const bucketMs: Record<UsageBucket, number> = { '1m': 60_000, '1h': hourMs, '1d': dayMs };
