const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "just now", "5 minutes ago", "in 3 days". */
export function formatRelativeTime(iso: string, now = Date.now()): string {
  const difference = new Date(iso).getTime() - now;
  for (const [unit, size] of units) {
    if (Math.abs(difference) >= size) return relativeFormat.format(Math.round(difference / size), unit);
  }
  return 'just now';
}
