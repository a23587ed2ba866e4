import { type UsageBucket } from '@gatehouse/contracts';

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayAndHour = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric' });
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** A bucket's start as an axis label: 14:05 for minutes, 14:00 or Tue 2 PM for hours, Nov 21 for days. */
export function bucketLabel(start: number, bucket: UsageBucket, spanMs: number): string {
  if (bucket === '1d') return day.format(start);
  if (bucket === '1h' && spanMs > 86_400_000) return dayAndHour.format(start);
  return timeOfDay.format(start);
}
