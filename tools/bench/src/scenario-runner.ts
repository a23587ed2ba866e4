import { type FixedRateMeasurement, type Measurement, type Phase } from './bench-results';
import { type FixedRateScenario, type MaxThroughputScenario, type Scenario } from './bench-scenarios';
import { type LatencyHistogram } from './latency-histogram';
import { type LiveTarget } from './live-target';
import { type LoadGenerator } from './load-generator';
import { FixedRateAccumulator, MaxThroughputAccumulator } from './measurement-accumulator';
import { measureMachineLoad } from './machine-load';

export interface ScenarioRunContext {
  loadGenerator: LoadGenerator;
  phase: Phase;
  durationS: number;
  rounds: number;
  warmUpS: number;
  drainMs: number;
  /** Every open-loop send lag of the run, for the method section. */
  sendLag: LatencyHistogram;
  /** Called before each visit: pauses the gateway processes that are not the target (they share its core). */
  focus?(target: LiveTarget): void;
  log(line: string): void;
}

/**
 * Runs one scenario over several targets: a warm-up of each, then `rounds` rounds that visit every target in turn,
 * one at a time, so that a drift of the machine over the run touches all of them alike. Overheads are taken against
 * the emulator called directly (a `direct` target of the same upstream dialect in the list).
 */
export async function runScenario(scenario: Scenario, targets: readonly LiveTarget[], context: ScenarioRunContext): Promise<Measurement[]> {
  context.log(`${context.phase}: ${scenario.label} — ${targets.length} targets, ${context.rounds} rounds`);
  const measurements =
    scenario.kind === 'open-loop' ? await runFixedRate(scenario, targets, context) : await runMaxThroughput(scenario, targets, context);
  addOverheads(measurements);
  return measurements;
}

/**
 * The order of the targets in round `round`: each round starts one target further on, and every other round goes the
 * other way, so that no target always has the same place in a round nor always runs right after the same target (a
 * process woken from a longer pause, or following a heavier target, starts a little slower).
 */
export function visitOrder(count: number, round: number): number[] {
  const order = Array.from({ length: count }, (_, step) => (round + step) % count);
  return round % 2 === 0 ? order : order.reverse();
}

async function runFixedRate(scenario: FixedRateScenario, targets: readonly LiveTarget[], context: ScenarioRunContext): Promise<Measurement[]> {
  const sliceMs = (context.durationS * 1000) / context.rounds;
  const visit = async (target: LiveTarget, durationMs: number) => {
    context.focus?.(target);
    const before = await target.process?.measuredCpuMicros();
    const stopLoad = measureMachineLoad();
    const result = await context.loadGenerator.openLoop({
      origin: target.origin,
      requests: [target.request(scenario.payload)],
      rate: scenario.rate,
      durationMs,
      drainMs: context.drainMs,
    });
    const cpu = before === undefined ? undefined : (await target.process!.measuredCpuMicros()) - before;
    const load = stopLoad();
    target.countSent(result.completed + result.failed);
    context.sendLag.merge(result.sendLag);
    return { result, cpu, load };
  };
  for (const target of targets) if (context.warmUpS > 0) await visit(target, context.warmUpS * 1000);
  const accumulators = targets.map(() => new FixedRateAccumulator());
  for (let round = 0; round < context.rounds; round++) {
    for (const index of visitOrder(targets.length, round)) {
      const { result, cpu, load } = await visit(targets[index]!, sliceMs);
      accumulators[index]!.add(result, sliceMs, cpu, load);
    }
  }
  return targets.map((target, index) => accumulators[index]!.toMeasurement(context.phase, scenario, target.ref));
}

async function runMaxThroughput(scenario: MaxThroughputScenario, targets: readonly LiveTarget[], context: ScenarioRunContext): Promise<Measurement[]> {
  // Half the fixed-rate time, but never under half a second: 64 connections need a moment to get going.
  const sliceMs = Math.max(500, (context.durationS * 500) / context.rounds);
  const visit = async (target: LiveTarget, durationMs: number) => {
    context.focus?.(target);
    const before = await target.process?.measuredCpuMicros();
    const stopLoad = measureMachineLoad();
    const result = await context.loadGenerator.closedLoop({
      origin: target.origin,
      request: target.request(scenario.payload),
      connections: scenario.connections,
      durationMs,
    });
    const cpu = before === undefined ? undefined : (await target.process!.measuredCpuMicros()) - before;
    const load = stopLoad();
    target.countSent(result.completed + result.errors);
    return { result, cpu, load };
  };
  for (const target of targets) if (context.warmUpS > 0) await visit(target, context.warmUpS * 1000);
  const accumulators = targets.map(() => new MaxThroughputAccumulator());
  for (let round = 0; round < context.rounds; round++) {
    for (const index of visitOrder(targets.length, round)) {
      const { result, cpu, load } = await visit(targets[index]!, sliceMs);
      accumulators[index]!.add(result, cpu, load);
    }
  }
  return targets.map((target, index) => accumulators[index]!.toMeasurement(context.phase, scenario, target.ref));
}

function addOverheads(measurements: Measurement[]): void {
  const fixed = measurements.filter((measurement): measurement is FixedRateMeasurement => measurement.scenario !== 'max-throughput');
  for (const measurement of fixed) {
    if (measurement.target.kind === 'direct') continue;
    const direct = fixed.find((other) => other.target.kind === 'direct' && other.target.upstream === measurement.target.upstream);
    if (!direct) continue;
    measurement.overheadMs = {
      p50: measurement.latencyMs.p50 - direct.latencyMs.p50,
      p99: measurement.latencyMs.p99 - direct.latencyMs.p99,
    };
    if (measurement.timeToFirstTokenMs && direct.timeToFirstTokenMs) {
      measurement.timeToFirstTokenOverheadMs = {
        p50: measurement.timeToFirstTokenMs.p50 - direct.timeToFirstTokenMs.p50,
        p99: measurement.timeToFirstTokenMs.p99 - direct.timeToFirstTokenMs.p99,
      };
    }
  }
}
