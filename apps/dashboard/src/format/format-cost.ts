const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const smallDollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 2 });

/** Estimated USD: $12.34, and for the fractions of a cent a few requests cost, $0.000084 rather than $0.00. */
export function formatCost(usd: number): string {
  if (usd === 0 || Math.abs(usd) >= 0.01) return dollars.format(usd);
  return smallDollars.format(usd);
}
