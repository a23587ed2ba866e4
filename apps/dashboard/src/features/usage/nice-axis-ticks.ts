/**
 * Round tick values for a y axis from 0 to at least `max`: 0, 25, 50, 75, 100 rather than 0, 23.5, 47…
 * Steps are 1, 2, 2.5 or 5 times a power of ten.
 */
export function niceAxisTicks(max: number, targetCount = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / targetCount;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  // Counts are whole: a step below 1 would label the axis 0.25, 0.5…
  const wholeStep = Math.max(step, 1);
  const ticks: number[] = [];
  for (let value = 0; value < max + wholeStep; value += wholeStep) ticks.push(value);
  return ticks;
}
