import { type BenchResults, type FixedRateMeasurement, type MaxThroughputMeasurement } from './bench-results';
import { isPassThrough, ROUTES, type Route } from './bench-routes';
import { type FixedRateScenarioId } from './bench-scenarios';
import { FULL_VARIANT, TELEMETRY_OFF, TELEMETRY_ON } from './gateway-variants';

/** One target of issue 8 against what the run measured. */
export interface TargetCheck {
  target: string;
  measured: string;
  verdict: 'pass' | 'miss' | 'not measured';
}

const ERROR_BUDGET = 0.01;
const ms = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)} ms`;
const shortLabel = (route: Route) => route.label.replace(/ \(.*\)$/, '');

function fixedRate(results: BenchResults, scenario: FixedRateScenarioId, route: Route): FixedRateMeasurement | undefined {
  return results.measurements.find(
    (measurement): measurement is FixedRateMeasurement =>
      measurement.phase === 'routes' && measurement.scenario === scenario && measurement.target.variant === FULL_VARIANT.id && measurement.target.route === route.id,
  );
}

function maxThroughput(results: BenchResults, kind: 'floor' | 'gateway', routeOrDialect: string): MaxThroughputMeasurement | undefined {
  return results.measurements.find(
    (measurement): measurement is MaxThroughputMeasurement =>
      measurement.phase === 'routes' &&
      measurement.scenario === 'max-throughput' &&
      measurement.target.kind === kind &&
      (kind === 'gateway' ? measurement.target.route === routeOrDialect : measurement.target.upstream === routeOrDialect),
  );
}

function tooManyErrors(measurement: { completed: number; failed: number }): boolean {
  return measurement.failed > ERROR_BUDGET * Math.max(1, measurement.completed + measurement.failed);
}

/** Added latency at p50 (and p99 when given) on each route of a kind, within limits and with under 1% errors. */
function overheadCheck(results: BenchResults, target: string, scenario: FixedRateScenarioId, routes: Route[], p50Limit: number, p99Limit?: number): TargetCheck {
  const parts: string[] = [];
  let measuredAll = true;
  let pass = true;
  for (const route of routes) {
    const measurement = fixedRate(results, scenario, route);
    if (!measurement?.overheadMs) {
      measuredAll = false;
      continue;
    }
    const { p50, p99 } = measurement.overheadMs;
    const errors = tooManyErrors(measurement);
    pass &&= !errors && p50 <= p50Limit && (p99Limit === undefined || p99 <= p99Limit);
    parts.push(`${shortLabel(route)}: p50 ${ms(p50)}${p99Limit === undefined ? '' : `, p99 ${ms(p99)}`}${errors ? ` (${measurement.failed} errors)` : ''}`);
  }
  if (!measuredAll && parts.length === 0) return { target, measured: '—', verdict: 'not measured' };
  return { target, measured: parts.join('; '), verdict: measuredAll && pass ? 'pass' : 'miss' };
}

function streamingCheck(results: BenchResults): TargetCheck {
  const target = 'streaming: added time to first token p50 ≤ 1 ms on every route; no chunk held back';
  const parts: string[] = [];
  let pass = true;
  for (const route of ROUTES) {
    const measurement = fixedRate(results, 'sse-200', route);
    if (!measurement?.timeToFirstTokenOverheadMs) return { target, measured: parts.join('; ') || '—', verdict: 'not measured' };
    const direct = results.measurements.find(
      (other): other is FixedRateMeasurement => other.phase === 'routes' && other.scenario === 'sse-200' && other.target.kind === 'direct' && other.target.upstream === route.upstream,
    );
    const heldBack = heldBackReason(measurement, direct);
    pass &&= measurement.timeToFirstTokenOverheadMs.p50 <= 1 && !heldBack && !tooManyErrors(measurement);
    parts.push(`${shortLabel(route)}: ${ms(measurement.timeToFirstTokenOverheadMs.p50)}${heldBack ? ` (${heldBack})` : ''}`);
  }
  return { target, measured: parts.join('; '), verdict: pass ? 'pass' : 'miss' };
}

/**
 * A chunk is held back when fewer content events arrive than the emulator sends, or when they arrive bunched: the
 * median time from first to last content event is shorter than the emulator's own by more than 10 ms or 10%.
 */
export function heldBackReason(measurement: FixedRateMeasurement, direct: FixedRateMeasurement | undefined): string | undefined {
  if (!direct || measurement.contentEventsPerStream === undefined || direct.contentEventsPerStream === undefined) return undefined;
  if (measurement.contentEventsPerStream < direct.contentEventsPerStream - 0.01) {
    return `${measurement.contentEventsPerStream.toFixed(1)} content events per stream, direct ${direct.contentEventsPerStream.toFixed(1)}`;
  }
  const spread = measurement.contentSpreadP50Ms ?? Number.NaN;
  const directSpread = direct.contentSpreadP50Ms ?? Number.NaN;
  if (spread < directSpread - Math.max(10, directSpread * 0.1)) return `content spread ${spread.toFixed(1)} ms, direct ${directSpread.toFixed(1)} ms: bunched`;
  return undefined;
}

function cpuCheck(results: BenchResults): TargetCheck[] {
  const kinds = [
    { passThrough: true, limit: 2.5, target: 'CPU per request at 64 connections ≤ 2.5× the floor proxy (pass-through)' },
    { passThrough: false, limit: 3.5, target: 'CPU per request at 64 connections ≤ 3.5× the floor proxy (translation)' },
  ];
  return kinds.map(({ passThrough, limit, target }) => {
    const parts: string[] = [];
    let pass = true;
    for (const route of ROUTES.filter((each) => isPassThrough(each) === passThrough)) {
      const gateway = maxThroughput(results, 'gateway', route.id);
      const floor = maxThroughput(results, 'floor', route.upstream);
      if (!gateway?.cpuMicrosPerRequest || !floor?.cpuMicrosPerRequest) return { target, measured: '—', verdict: 'not measured' as const };
      const ratio = gateway.cpuMicrosPerRequest / floor.cpuMicrosPerRequest;
      pass &&= ratio <= limit && !tooManyErrors(gateway);
      parts.push(`${shortLabel(route)}: ${gateway.cpuMicrosPerRequest.toFixed(0)} µs = ${ratio.toFixed(2)}× (floor ${floor.cpuMicrosPerRequest.toFixed(0)} µs)`);
    }
    return { target, measured: parts.join('; '), verdict: pass ? 'pass' : 'miss' };
  });
}

function memoryChecks(results: BenchResults): TargetCheck[] {
  const full = results.variants.find((summary) => summary.variant.id === FULL_VARIANT.id && summary.available);
  const soak = results.soak;
  const checks: TargetCheck[] = [
    full?.settledRssMb === undefined || full.idleRssMb === undefined
      ? { target: 'RSS ≤ 150 MB idle', measured: '—', verdict: 'not measured' }
      : {
          target: 'RSS ≤ 150 MB idle',
          measured: `${full.settledRssMb.toFixed(0)} MB after 20 s without traffic (${full.idleRssMb.toFixed(0)} MB right after start)`,
          verdict: full.settledRssMb <= 150 ? 'pass' : 'miss',
        },
    full?.peakRssMb === undefined
      ? { target: 'RSS ≤ 250 MB at maximum load', measured: '—', verdict: 'not measured' }
      : { target: 'RSS ≤ 250 MB at maximum load', measured: `peak ${full.peakRssMb.toFixed(0)} MB`, verdict: full.peakRssMb <= 250 ? 'pass' : 'miss' },
  ];
  const soakTarget = 'RSS flat over a 10-minute soak at 1,000 req/s (within 10%)';
  if (!soak) checks.push({ target: soakTarget, measured: 'no soak in this run (--soak 600)', verdict: 'not measured' });
  else {
    const long = soak.seconds >= 600;
    const failed = soak.segments.reduce((sum, segment) => sum + segment.failed, 0);
    checks.push({
      target: soakTarget,
      measured:
        `${soak.seconds} s: what stays after collection (each minute's lowest RSS) within ${soak.floorSpreadPercent.toFixed(1)}%; ` +
        `all samples within ${soak.rssSpreadPercent.toFixed(1)}% (V8's saw-tooth)${failed ? `, ${failed} errors` : ''}${long ? '' : ' (shorter than 10 minutes)'}`,
      verdict: !long ? 'not measured' : soak.floorSpreadPercent <= 10 ? 'pass' : 'miss',
    });
  }
  return checks;
}

function startupCheck(results: BenchResults): TargetCheck {
  const target = 'start-up to ready ≤ 1.5 s with the embedded default';
  if (!results.startup?.readyMs.length) return { target, measured: '—', verdict: 'not measured' };
  const sorted = [...results.startup.readyMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return { target, measured: `median ${median.toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms (${sorted.length} runs)`, verdict: median <= 1500 ? 'pass' : 'miss' };
}

/**
 * Issue 7's condition: with tracing and metrics on (the full variant plus tracing), the median added latency at
 * 1,000 req/s stays within 10% of both off (the full variant without metrics; tracing is off in it), from the
 * telemetry phase's paired run (the two alternating every 2 s with the emulator called directly).
 */
export function telemetryOverheadCheck(results: BenchResults): TargetCheck {
  const target = 'tracing and metrics on: median added latency within 10% of both off (issue 7)';
  const medianOverhead = (variant: string) =>
    results.measurements.find(
      (measurement): measurement is FixedRateMeasurement =>
        measurement.phase === 'telemetry' && measurement.scenario === 'json-1000' && measurement.target.variant === variant,
    )?.overheadMs?.p50;
  const on = medianOverhead(TELEMETRY_ON);
  const off = medianOverhead(TELEMETRY_OFF);
  if (on === undefined || off === undefined) return { target, measured: '—', verdict: 'not measured' };
  const change = (on - off) / off;
  return {
    target,
    measured: `on ${ms(on)}, off ${ms(off)}: ${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`,
    verdict: change <= 0.1 ? 'pass' : 'miss',
  };
}

/** Every target of issue 8, in the issue's order, then issue 7's. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const passThrough = ROUTES.filter(isPassThrough);
  const translation = ROUTES.filter((route) => !isPassThrough(route));
  return [
    overheadCheck(results, 'pass-through at 1,000 req/s: added p50 ≤ 0.6 ms, p99 ≤ 3 ms', 'json-1000', passThrough, 0.6, 3),
    overheadCheck(results, 'translation at 1,000 req/s: added p50 ≤ 1 ms, p99 ≤ 4 ms', 'json-1000', translation, 1, 4),
    streamingCheck(results),
    ...cpuCheck(results),
    overheadCheck(results, '130 KB prompt at 100 req/s: added p50 ≤ 2 ms', 'prompt-130k', [...ROUTES], 2),
    ...memoryChecks(results),
    startupCheck(results),
    telemetryOverheadCheck(results),
  ];
}
