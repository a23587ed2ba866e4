import { type UsageTimeseriesPoint } from '@gatehouse/contracts';

export type UsageMetric = 'tokens' | 'requests';

/** One group of the totals table; its index picks its colour in both the table and the chart. */
export interface UsageSeriesGroup {
  key: string;
  label: string;
}

export interface UsageChartSeries extends UsageSeriesGroup {
  /** Index into the colour palette. */
  colorIndex: number;
  /** One value per bucket, zero where the gateway left the bucket out (no requests). */
  values: number[];
  total: number;
}

export interface UsageChartData {
  /** Epoch ms of each bucket's start, oldest first. */
  bucketStarts: number[];
  bucketMs: number;
  series: UsageChartSeries[];
  /** The largest single value: the top of the y axis before rounding. */
  max: number;
}

/** The key a group is known by: the gateway's `group`, with null (unknown) as the empty string. */
export const groupKeyOf = (group: string | null): string => group ?? '';

/** What a group is called: the gateway's label (a key's name), else the group, else "unknown". */
export const groupLabelOf = (point: { group: string | null; label: string | null }): string => point.label ?? point.group ?? 'unknown';

/**
 * Turns the gateway's sparse points (empty buckets left out) into one dense series per group over the whole window,
 * in the order of `groups` (the totals table's), so colours match; groups only the time series has come last.
 */
export function usageChartDataOf(
  points: readonly UsageTimeseriesPoint[],
  window: { from: number; to: number; bucketMs: number },
  metric: UsageMetric,
  groups: readonly UsageSeriesGroup[],
): UsageChartData {
  const first = Math.floor(window.from / window.bucketMs) * window.bucketMs;
  const bucketStarts: number[] = [];
  for (let start = first; start < window.to; start += window.bucketMs) bucketStarts.push(start);
  const bucketIndex = new Map(bucketStarts.map((start, index) => [start, index]));

  const ordered = [...groups];
  const known = new Set(groups.map((group) => group.key));
  for (const point of points) {
    const key = groupKeyOf(point.group);
    if (known.has(key)) continue;
    known.add(key);
    ordered.push({ key, label: groupLabelOf(point) });
  }

  const series = ordered.map((group, colorIndex): UsageChartSeries => ({ ...group, colorIndex, values: bucketStarts.map(() => 0), total: 0 }));
  const seriesByKey = new Map(series.map((entry) => [entry.key, entry]));
  for (const point of points) {
    const index = bucketIndex.get(Date.parse(point.bucket_start));
    const entry = seriesByKey.get(groupKeyOf(point.group));
    if (index === undefined || !entry) continue;
    const value = metric === 'tokens' ? point.input_tokens + point.output_tokens : point.requests;
    entry.values[index]! += value;
    entry.total += value;
  }
  const max = Math.max(0, ...series.flatMap((entry) => entry.values));
  return { bucketStarts, bucketMs: window.bucketMs, series, max };
}
