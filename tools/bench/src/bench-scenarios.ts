import { type Payload } from './bench-routes';

export type FixedRateScenarioId = 'json-200' | 'json-1000' | 'sse-200' | 'prompt-130k';
export type ScenarioId = FixedRateScenarioId | 'max-throughput';

export interface FixedRateScenario {
  id: FixedRateScenarioId;
  kind: 'open-loop';
  label: string;
  payload: Payload;
  /** Requests per second. */
  rate: number;
}

export interface MaxThroughputScenario {
  id: 'max-throughput';
  kind: 'closed-loop';
  label: string;
  payload: Payload;
  connections: number;
}

export type Scenario = FixedRateScenario | MaxThroughputScenario;

export const SCENARIOS: readonly Scenario[] = [
  { id: 'json-200', kind: 'open-loop', label: 'Non-streaming JSON at 200 req/s', payload: 'json', rate: 200 },
  { id: 'json-1000', kind: 'open-loop', label: 'Non-streaming JSON at 1,000 req/s', payload: 'json', rate: 1000 },
  { id: 'sse-200', kind: 'open-loop', label: 'SSE streams (20 chunks, 5 ms apart) at 200 req/s', payload: 'stream', rate: 200 },
  { id: 'prompt-130k', kind: 'open-loop', label: '130 KB prompt at 100 req/s', payload: 'large-prompt', rate: 100 },
  { id: 'max-throughput', kind: 'closed-loop', label: 'Maximum throughput, 64 connections (closed loop)', payload: 'json', connections: 64 },
];

/** The upstream emulator's stream shape for the SSE scenario. */
export const STREAM_CHUNKS = 20;
export const STREAM_CHUNK_DELAY_MS = 5;
