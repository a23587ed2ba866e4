const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** A count for chart axes: 1.2K, 3M. */
export function formatCompactCount(value: number): string {
  return compactFormat.format(value);
}
