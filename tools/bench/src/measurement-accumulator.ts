import { LatencyHistogram } from './latency-histogram';
import { type FixedRateMeasurement, type MaxThroughputMeasurement, type Percentiles, type Phase, type TargetRef } from './bench-results';
import { type FixedRateScenario, type MaxThroughputScenario } from './bench-scenarios';
import { type ClosedLoopResult, type OpenLoopResult } from './load-jobs';
import { type MachineLoad } from './machine-load';

export function percentilesOf(histogram: LatencyHistogram): Percentiles {
  return { p50: histogram.percentileMs(50), p90: histogram.percentileMs(90), p99: histogram.percentileMs(99), max: histogram.percentileMs(100) };
}

/** Time-weighted mean of the cores other processes kept busy over a target's visits. */
class ForeignLoad {
  private coreSeconds = 0;
  private seconds = 0;

  add(load: MachineLoad): void {
    this.coreSeconds += load.foreignCores * load.seconds;
    this.seconds += load.seconds;
  }

  get cores(): number {
    return this.seconds === 0 ? 0 : this.coreSeconds / this.seconds;
  }
}

/** Adds up one target's rounds in a fixed-rate scenario: histograms merge, CPU time and answers sum. */
export class FixedRateAccumulator {
  private readonly foreign = new ForeignLoad();
  private readonly latency = new LatencyHistogram();
  private readonly timeToFirstToken = new LatencyHistogram();
  private readonly contentSpread = new LatencyHistogram();
  private scheduled = 0;
  private completed = 0;
  private failed = 0;
  private streams = 0;
  private contentEvents = 0;
  private measuredMs = 0;
  private cpuMicros: number | undefined;
  private firstError: string | undefined;

  private readonly roundP50s: number[] = [];

  add(result: OpenLoopResult, scheduledMs: number, cpuMicros: number | undefined, load: MachineLoad): void {
    this.roundP50s.push(LatencyHistogram.from(result.latency).percentileMs(50));
    this.foreign.add(load);
    this.latency.merge(result.latency);
    this.timeToFirstToken.merge(result.timeToFirstToken);
    this.contentSpread.merge(result.contentSpread);
    this.scheduled += result.scheduled;
    this.completed += result.completed;
    this.failed += result.failed;
    this.streams += result.streams;
    this.contentEvents += result.contentEvents;
    this.measuredMs += scheduledMs;
    this.firstError ??= result.firstError;
    if (cpuMicros !== undefined) this.cpuMicros = (this.cpuMicros ?? 0) + cpuMicros;
  }

  toMeasurement(phase: Phase, scenario: FixedRateScenario, target: TargetRef): FixedRateMeasurement {
    const streaming = scenario.payload === 'stream';
    return {
      phase,
      scenario: scenario.id,
      target,
      rate: scenario.rate,
      scheduled: this.scheduled,
      completed: this.completed,
      failed: this.failed,
      ...(this.firstError === undefined ? {} : { firstError: this.firstError }),
      achievedRate: this.completed / (this.measuredMs / 1000),
      latencyMs: percentilesOf(this.latency),
      roundP50Ms: this.roundP50s,
      ...(streaming
        ? {
            timeToFirstTokenMs: percentilesOf(this.timeToFirstToken),
            contentEventsPerStream: this.streams === 0 ? Number.NaN : this.contentEvents / this.streams,
            contentSpreadP50Ms: this.contentSpread.percentileMs(50),
          }
        : {}),
      ...(this.cpuMicros === undefined ? {} : { cpuMicrosPerRequest: this.completed === 0 ? Number.NaN : this.cpuMicros / this.completed }),
      foreignCores: this.foreign.cores,
    };
  }
}

/** Adds up one target's rounds at maximum throughput; latency percentiles are the answer-weighted mean of the rounds'. */
export class MaxThroughputAccumulator {
  private readonly foreign = new ForeignLoad();
  private completed = 0;
  private failed = 0;
  private elapsedMs = 0;
  private weightedP50 = 0;
  private weightedP99 = 0;
  private cpuMicros: number | undefined;

  add(result: ClosedLoopResult, cpuMicros: number | undefined, load: MachineLoad): void {
    this.foreign.add(load);
    this.completed += result.completed;
    this.failed += result.errors + result.non2xx;
    this.elapsedMs += result.elapsedMs;
    this.weightedP50 += result.latencyP50Ms * result.completed;
    this.weightedP99 += result.latencyP99Ms * result.completed;
    if (cpuMicros !== undefined) this.cpuMicros = (this.cpuMicros ?? 0) + cpuMicros;
  }

  toMeasurement(phase: Phase, scenario: MaxThroughputScenario, target: TargetRef): MaxThroughputMeasurement {
    const cpuPerRequest = this.cpuMicros === undefined || this.completed === 0 ? undefined : this.cpuMicros / this.completed;
    return {
      phase,
      scenario: scenario.id,
      target,
      connections: scenario.connections,
      completed: this.completed,
      failed: this.failed,
      requestsPerSecond: this.completed / (this.elapsedMs / 1000),
      latencyP50Ms: this.weightedP50 / Math.max(1, this.completed),
      latencyP99Ms: this.weightedP99 / Math.max(1, this.completed),
      ...(cpuPerRequest === undefined ? {} : { cpuMicrosPerRequest: cpuPerRequest, requestsPerCoreSecond: 1_000_000 / cpuPerRequest }),
      foreignCores: this.foreign.cores,
    };
  }
}
