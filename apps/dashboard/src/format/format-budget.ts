import { type Budget } from '@gatehouse/contracts';
import { formatCost } from './format-cost';
import { formatCount } from './format-count';

/** "100,000 tokens or $5.00 per day", or "None". */
export function formatBudget(budget: Budget | null): string {
  if (!budget) return 'None';
  const caps = [
    budget.tokens === undefined ? undefined : `${formatCount(budget.tokens)} tokens`,
    budget.cost_usd === undefined ? undefined : formatCost(budget.cost_usd),
  ].filter((cap) => cap !== undefined);
  return `${caps.join(' or ')} per ${budget.period}`;
}
