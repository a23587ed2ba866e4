import { describe, expect, it } from 'vitest';
import { gcraAdjust, gcraTake, type RateLimitRule, unitsLeft } from './gcra';

const perMinute = (limit: number): RateLimitRule => ({ limit, periodMs: 60_000 });
const NOW = 1_700_000_000_000;

function burst(rule: RateLimitRule, count: number, cost = 1, now = NOW): { admitted: number; tat: number | undefined } {
  let tat: number | undefined;
  let admitted = 0;
  for (let i = 0; i < count; i++) {
    const verdict = gcraTake(tat, rule, cost, now);
    if (verdict.allowed) admitted++;
    tat = verdict.tat;
  }
  return { admitted, tat };
}

describe('GCRA', () => {
  it.each([1, 3, 7, 60, 600, 997, 10_000])('admits a burst of exactly %i at one instant', (limit) => {
    expect(burst(perMinute(limit), limit + 5).admitted).toBe(limit);
  });

  it('refills one unit per period / limit', () => {
    const rule = perMinute(60);
    const { tat } = burst(rule, 60);
    expect(gcraTake(tat, rule, 1, NOW + 998).allowed).toBe(false);
    const refilled = gcraTake(tat, rule, 1, NOW + 1_000);
    expect(refilled.allowed).toBe(true);
    expect(refilled.remaining).toBe(0);
    expect(unitsLeft(tat!, rule, NOW + 30_000)).toBe(30);
    expect(unitsLeft(tat!, rule, NOW + 90_000)).toBe(60);
  });

  it('reports remaining, reset and retry-after', () => {
    const rule = perMinute(10);
    const first = gcraTake(undefined, rule, 1, NOW);
    expect(first).toEqual({ allowed: true, tat: NOW + 6_000, remaining: 9, resetMs: 6_000, retryAfterMs: 0 });
    const { tat } = burst(rule, 10);
    const refused = gcraTake(tat, rule, 1, NOW + 100);
    expect(refused).toEqual({ allowed: false, tat, remaining: 0, resetMs: 59_900, retryAfterMs: 5_900 });
  });

  it('takes a token cost, refusing what does not fit and charging at most the whole limit', () => {
    const rule = perMinute(1_000);
    const used = gcraTake(undefined, rule, 900, NOW);
    expect(used.remaining).toBe(100);
    const tooBig = gcraTake(used.tat, rule, 500, NOW);
    expect(tooBig.allowed).toBe(false);
    expect(tooBig.retryAfterMs).toBeCloseTo(24_000);
    expect(gcraTake(undefined, rule, 5_000, NOW)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('settles with the real usage: refunds an over-estimate, and lets an under-estimate go into debt', () => {
    const rule = perMinute(1_000);
    const estimated = gcraTake(undefined, rule, 500, NOW);
    const refunded = gcraAdjust(estimated.tat, rule, -300, NOW);
    expect(unitsLeft(refunded!, rule, NOW)).toBe(800);
    const debt = gcraAdjust(estimated.tat, rule, 1_000, NOW);
    expect(unitsLeft(debt!, rule, NOW)).toBe(0);
    expect(gcraTake(debt, rule, 0, NOW).allowed).toBe(false);
    expect(gcraTake(debt, rule, 1, NOW + 29_000).allowed).toBe(false);
    expect(gcraTake(debt, rule, 1, NOW + 30_060).allowed).toBe(true);
    expect(gcraAdjust(estimated.tat, rule, -600, NOW)).toBeUndefined();
  });
});
