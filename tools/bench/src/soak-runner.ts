import { type SoakSegment, type SoakSummary } from './bench-results';
import { LatencyHistogram } from './latency-histogram';
import { type LiveTarget } from './live-target';
import { type LoadGenerator } from './load-generator';
import { percentilesOf } from './measurement-accumulator';
import { cpuMicros, memory } from './process-stats';

const SOAK_RATE = 1000;
const RSS_SAMPLE_MS = 5000;

/**
 * A long run at 1,000 req/s on one gateway, the four routes in turn, in ten segments (at most a minute each) so the
 * report shows latency and CPU over time; RSS is sampled every 5 s. Flat means the samples after the first segment
 * (JIT and pools warming up) stay within 10% of each other.
 */
export async function runSoak(seconds: number, loadGenerator: LoadGenerator, routeTargets: readonly LiveTarget[], log: (line: string) => void): Promise<SoakSummary> {
  const gateway = routeTargets[0]!.process!;
  const segmentS = Math.min(60, seconds / 10);
  const segments: SoakSegment[] = [];
  const rssSamples: { atS: number; rssMb: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => rssSamples.push({ atS: (Date.now() - started) / 1000, rssMb: memory(gateway.pid).rssMb }), RSS_SAMPLE_MS);
  try {
    for (let startS = 0; startS < seconds - 1e-9; startS += segmentS) {
      const durationS = Math.min(segmentS, seconds - startS);
      const before = cpuMicros(gateway.pid);
      const result = await loadGenerator.openLoop({
        origin: routeTargets[0]!.origin,
        requests: routeTargets.map((target) => target.request('json')),
        rate: SOAK_RATE,
        durationMs: durationS * 1000,
        drainMs: 10_000,
      });
      const cpu = cpuMicros(gateway.pid) - before;
      routeTargets[0]!.countSent(result.completed + result.failed);
      const segment: SoakSegment = {
        startS,
        completed: result.completed,
        failed: result.failed,
        latencyMs: percentilesOf(LatencyHistogram.from(result.latency)),
        cpuMicrosPerRequest: cpu / Math.max(1, result.completed),
        rssMb: memory(gateway.pid).rssMb,
      };
      segments.push(segment);
      log(`soak ${Math.round(startS + durationS)}/${seconds} s: p50 ${segment.latencyMs.p50.toFixed(2)} ms, p99 ${segment.latencyMs.p99.toFixed(2)} ms, RSS ${segment.rssMb.toFixed(0)} MB`);
    }
  } finally {
    clearInterval(sampler);
  }
  const afterWarmUp = rssSamples.filter((sample) => sample.atS >= segmentS).map((sample) => sample.rssMb);
  const settled = afterWarmUp.length ? afterWarmUp : segments.map((segment) => segment.rssMb);
  const spread = (values: number[]) => ((Math.max(...values) - Math.min(...values)) / Math.min(...values)) * 100;
  const segmentFloorsMb = segments.slice(1).map((segment) => {
    const inSegment = rssSamples.filter((sample) => sample.atS >= segment.startS && sample.atS < segment.startS + segmentS).map((sample) => sample.rssMb);
    return Math.min(...(inSegment.length ? inSegment : [segment.rssMb]));
  });
  return {
    seconds,
    rate: SOAK_RATE,
    segments,
    rssSamples,
    rssSpreadPercent: spread(settled),
    segmentFloorsMb,
    floorSpreadPercent: segmentFloorsMb.length ? spread(segmentFloorsMb) : 0,
  };
}
