import { type DestinationStream } from 'pino';
import { type Telemetry } from './tracing/telemetry';

/** What the process hands the observability module besides the config. */
export interface ObservabilityOptions {
  /** The OpenTelemetry SDK started by main.ts (or by a test); absent when telemetry is off. */
  telemetry?: Telemetry;
  /** Where access-log lines go; stdout (buffered, asynchronous) when absent. Tests pass their own. */
  accessLogDestination?: DestinationStream;
}

export const OBSERVABILITY_OPTIONS = Symbol('ObservabilityOptions');
