import { type BudgetPeriod } from '@gatehouse/contracts';

export interface BudgetWindow {
  /** Inclusive, epoch ms. */
  start: number;
  /** Exclusive, epoch ms: when the budget resets. */
  end: number;
}

// Every request asks for the window it falls in: the last one of each period is kept until time leaves it.
const lastWindow: Partial<Record<BudgetPeriod, Readonly<BudgetWindow>>> = {};

/** The calendar day or month (UTC) that `now` falls in. */
export function budgetWindow(period: BudgetPeriod, now: number): Readonly<BudgetWindow> {
  const last = lastWindow[period];
  if (last && now >= last.start && now < last.end) return last;
  const window = calendarWindow(period, now);
  lastWindow[period] = window;
  return window;
}

function calendarWindow(period: BudgetPeriod, now: number): BudgetWindow {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (period === 'month') return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
  const day = date.getUTCDate();
  return { start: Date.UTC(year, month, day), end: Date.UTC(year, month, day + 1) };
}
