const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A whole count for tables: 12,345. */
export function formatCount(value: number): string {
  return countFormat.format(value);
}
