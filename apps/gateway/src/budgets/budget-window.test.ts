import { describe, expect, it } from 'vitest';
import { budgetWindow } from './budget-window';

describe('budgetWindow (UTC calendar periods)', () => {
  it('a day runs from midnight to midnight UTC', () => {
    expect(budgetWindow('day', Date.UTC(2025, 0, 31, 23, 59, 59))).toEqual({ start: Date.UTC(2025, 0, 31), end: Date.UTC(2025, 1, 1) });
  });

  it('a month runs from the 1st to the 1st, across a year end', () => {
    expect(budgetWindow('month', Date.UTC(2024, 11, 15))).toEqual({ start: Date.UTC(2024, 11, 1), end: Date.UTC(2025, 0, 1) });
  });

  it('the first millisecond of a period belongs to it', () => {
    expect(budgetWindow('month', Date.UTC(2025, 1, 1)).start).toBe(Date.UTC(2025, 1, 1));
  });

  it('moves on when time leaves the window it gave last, in either direction', () => {
    expect(budgetWindow('day', Date.UTC(2025, 2, 10, 12)).start).toBe(Date.UTC(2025, 2, 10));
    expect(budgetWindow('day', Date.UTC(2025, 2, 10, 23, 59, 59, 999)).end).toBe(Date.UTC(2025, 2, 11));
    expect(budgetWindow('day', Date.UTC(2025, 2, 11)).start).toBe(Date.UTC(2025, 2, 11));
    expect(budgetWindow('day', Date.UTC(2025, 2, 9, 1)).start).toBe(Date.UTC(2025, 2, 9));
    expect(budgetWindow('month', Date.UTC(2025, 2, 31)).end).toBe(Date.UTC(2025, 3, 1));
    expect(budgetWindow('month', Date.UTC(2025, 3, 1)).start).toBe(Date.UTC(2025, 3, 1));
  });
});
