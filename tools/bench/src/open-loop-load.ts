import { performance } from 'node:perf_hooks';
import { type Dispatcher } from 'undici';
import { LatencyHistogram } from './latency-histogram';
import { type OpenLoopJob, type OpenLoopResult, type RequestSpec } from './load-jobs';
import { SseContentCounter } from './sse-content-counter';

const START_DELAY_MS = 2;

/**
 * Sends requests on a fixed schedule, never waiting for answers, and measures each latency from the time the request
 * was due, not from when it left: a target that stalls cannot slow the generator down and hide its own stall
 * (coordinated omission). The dispatcher must allow enough connections for everything in flight.
 */
export async function runOpenLoop(job: OpenLoopJob, dispatcher: Dispatcher): Promise<OpenLoopResult> {
  const intervalMs = 1000 / job.rate;
  const total = Math.max(1, Math.round((job.durationMs / 1000) * job.rate));
  const bodies = job.requests.map((request) => Buffer.from(request.body));
  const result = {
    latency: new LatencyHistogram(),
    timeToFirstToken: new LatencyHistogram(),
    contentSpread: new LatencyHistogram(),
    sendLag: new LatencyHistogram(),
    statuses: {} as Record<string, number>,
    completed: 0,
    failed: 0,
    streams: 0,
    contentEvents: 0,
    firstError: undefined as string | undefined,
  };
  const inFlight = new Set<Promise<void>>();
  const abandon = new AbortController();

  const send = async (due: number, request: RequestSpec, body: Buffer): Promise<void> => {
    try {
      const response = await dispatcher.request({ origin: job.origin, method: 'POST', path: request.path, headers: request.headers, body, signal: abandon.signal });
      const counter = request.stream ? new SseContentCounter(request.stream) : undefined;
      let firstContent = 0;
      let lastContent = 0;
      let contentEvents = 0;
      for await (const chunk of response.body) {
        if (!counter) continue;
        const events = counter.push(chunk as Buffer);
        if (events === 0) continue;
        lastContent = performance.now();
        if (firstContent === 0) firstContent = lastContent;
        contentEvents += events;
      }
      const finished = performance.now();
      result.statuses[response.statusCode] = (result.statuses[response.statusCode] ?? 0) + 1;
      if (response.statusCode !== 200) {
        result.failed++;
        result.firstError ??= `status ${response.statusCode}`;
        return;
      }
      result.completed++;
      result.latency.recordMs(finished - due);
      if (counter) {
        result.streams++;
        result.contentEvents += contentEvents;
        if (firstContent > 0) {
          result.timeToFirstToken.recordMs(firstContent - due);
          result.contentSpread.recordMs(lastContent - firstContent);
        }
      }
    } catch (error) {
      result.failed++;
      result.firstError ??= error instanceof Error ? error.message : String(error);
    }
  };

  const started = performance.now();
  const firstDue = started + START_DELAY_MS;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      for (let due = firstDue + sent * intervalMs; sent < total && due <= now; due = firstDue + sent * intervalMs) {
        result.sendLag.recordMs(now - due);
        const index = sent % job.requests.length;
        const pending = send(due, job.requests[index]!, bodies[index]!);
        inFlight.add(pending);
        void pending.finally(() => inFlight.delete(pending));
        sent++;
      }
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, Math.floor(firstDue + sent * intervalMs - performance.now())));
    };
    tick();
  });

  let drainTimer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...inFlight]),
    new Promise<void>((resolve) => {
      drainTimer = setTimeout(resolve, job.drainMs);
    }),
  ]);
  clearTimeout(drainTimer);
  const unanswered = inFlight.size;
  if (unanswered > 0) {
    result.firstError ??= `${unanswered} requests unanswered ${job.drainMs} ms after the schedule ended`;
    abandon.abort();
    await Promise.allSettled([...inFlight]);
  }

  return {
    kind: 'open-loop',
    scheduled: total,
    completed: result.completed,
    failed: result.failed,
    statuses: result.statuses,
    ...(result.firstError === undefined ? {} : { firstError: result.firstError }),
    latency: result.latency.serialize(),
    timeToFirstToken: result.timeToFirstToken.serialize(),
    contentSpread: result.contentSpread.serialize(),
    streams: result.streams,
    contentEvents: result.contentEvents,
    sendLag: result.sendLag.serialize(),
    elapsedMs: performance.now() - started,
  };
}
