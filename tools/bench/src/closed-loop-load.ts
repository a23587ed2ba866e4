import { performance } from 'node:perf_hooks';
import { type ClosedLoopJob, type ClosedLoopResult } from './load-jobs';

/** Maximum throughput: autocannon keeps `connections` requests in flight, each answered one sent anew. */
export async function runClosedLoop(job: ClosedLoopJob): Promise<ClosedLoopResult> {
  // Loaded on first use: only the load generator process needs it.
  const { default: autocannon } = await import('autocannon');
  const started = performance.now();
  const result = await autocannon({
    url: `${job.origin}${job.request.path}`,
    method: 'POST',
    headers: job.request.headers,
    body: job.request.body,
    connections: job.connections,
    pipelining: 1,
    duration: job.durationMs / 1000,
    sampleInt: Math.min(1000, Math.max(100, job.durationMs / 5)),
  });
  return {
    kind: 'closed-loop',
    completed: result['2xx'] + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    elapsedMs: performance.now() - started,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
  };
}
