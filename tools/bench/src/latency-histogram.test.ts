import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram';

function exactPercentile(sortedMicros: number[], p: number): number {
  return sortedMicros[Math.max(0, Math.ceil((p / 100) * sortedMicros.length) - 1)]! / 1000;
}

/** A deterministic spread from microseconds to seconds, like real latencies with a long tail. */
function latencies(count: number): number[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Math.round(50 * Math.exp(next() * 10)));
}

describe('LatencyHistogram', () => {
  it.each([1, 10, 50, 90, 99, 99.9])('reports p%s within 0.4% of the exact value', (p) => {
    const values = latencies(20_000);
    const histogram = new LatencyHistogram();
    for (const value of values) histogram.recordMicros(value);
    const exact = exactPercentile([...values].sort((a, b) => a - b), p);
    expect(Math.abs(histogram.percentileMs(p) - exact) / exact).toBeLessThanOrEqual(0.004);
  });

  it('keeps values under 256 µs exactly, and the extremes exactly', () => {
    const histogram = new LatencyHistogram();
    for (const micros of [3, 17, 255, 123_456]) histogram.recordMicros(micros);
    expect(histogram.percentileMs(25)).toBe(0.003);
    expect(histogram.percentileMs(50)).toBe(0.017);
    expect(histogram.percentileMs(75)).toBe(0.255);
    expect(histogram.percentileMs(100)).toBe(123.456);
    expect(histogram.percentileMs(0)).toBe(0.003);
  });

  it('merges serialized histograms from other processes as if every value had been recorded in one', () => {
    const values = latencies(5_000);
    const whole = new LatencyHistogram();
    const parts = [new LatencyHistogram(), new LatencyHistogram(), new LatencyHistogram()];
    values.forEach((value, index) => {
      whole.recordMicros(value);
      parts[index % 3]!.recordMicros(value);
    });
    const merged = new LatencyHistogram();
    for (const part of parts) merged.merge(JSON.parse(JSON.stringify(part.serialize())));
    expect(merged.count).toBe(whole.count);
    for (const p of [50, 99, 100]) expect(merged.percentileMs(p)).toBe(whole.percentileMs(p));
    expect(merged.meanMs()).toBeCloseTo(whole.meanMs(), 9);
  });

  it('says NaN, not zero, when nothing was recorded', () => {
    const empty = new LatencyHistogram();
    expect(empty.percentileMs(50)).toBeNaN();
    empty.merge(new LatencyHistogram().serialize());
    expect(empty.count).toBe(0);
  });
});
