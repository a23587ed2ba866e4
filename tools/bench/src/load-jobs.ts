import { type SerializedHistogram } from './latency-histogram';
import { type StreamDialect } from './sse-content-counter';

/** One kind of request a load sends: always a POST with a JSON body. */
export interface RequestSpec {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Set for streaming requests: how to tell content events from lifecycle events. */
  stream?: StreamDialect;
}

/** Requests at fixed intervals, whatever the answers do (open loop); `requests` are sent in turn. */
export interface OpenLoopJob {
  kind: 'open-loop';
  origin: string;
  requests: RequestSpec[];
  rate: number;
  durationMs: number;
  /** How long to wait for requests still in flight when the schedule ends; those left count as failed. */
  drainMs: number;
}

/** A fixed number of connections each sending its next request when the last one is answered (closed loop). */
export interface ClosedLoopJob {
  kind: 'closed-loop';
  origin: string;
  request: RequestSpec;
  connections: number;
  durationMs: number;
}

export type LoadJob = OpenLoopJob | ClosedLoopJob;

export interface OpenLoopResult {
  kind: 'open-loop';
  scheduled: number;
  completed: number;
  failed: number;
  /** Completed requests by status code. */
  statuses: Record<string, number>;
  /** The first failure's message, for the report. */
  firstError?: string;
  /** From the scheduled send time to the last byte of the answer. */
  latency: SerializedHistogram;
  /** Streams: from the scheduled send time to the first content event. */
  timeToFirstToken: SerializedHistogram;
  /** Streams: from the first content event to the last. */
  contentSpread: SerializedHistogram;
  streams: number;
  contentEvents: number;
  /** How late the generator itself sent each request (timer granularity): the noise floor of every figure. */
  sendLag: SerializedHistogram;
  elapsedMs: number;
}

export interface ClosedLoopResult {
  kind: 'closed-loop';
  completed: number;
  non2xx: number;
  errors: number;
  elapsedMs: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

export type LoadResult = OpenLoopResult | ClosedLoopResult;
