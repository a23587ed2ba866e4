import { describe, expect, it } from 'vitest';
import { hrTimeOf, spanClock } from './span-clock';

describe('span clock', () => {
  it('writes epoch milliseconds as seconds and nanoseconds, carrying a rounded-up second', () => {
    expect(hrTimeOf(1_763_765_160_123.456)).toEqual([1_763_765_160, expect.closeTo(123_456_000, -3)]);
    expect(hrTimeOf(1_999.9999999999)).toEqual([2, 0]);
    expect(hrTimeOf(0)).toEqual([0, 0]);
  });

  it('turns performance.now() readings into wall-clock time', () => {
    const now = performance.now();
    expect(Math.abs(spanClock.epochOffsetAt(now) + now - Date.now())).toBeLessThan(5);
  });
});
