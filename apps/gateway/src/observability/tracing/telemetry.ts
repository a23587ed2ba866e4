import { type TextMapPropagator } from '@opentelemetry/api';
import { type RegistryMetricProducer } from '../metrics/registry-metric-producer';
import { type SpanRecorder } from './span-recorder';

/** The running OpenTelemetry SDK, as the gateway uses it. Exists only when telemetry is on. */
export interface Telemetry {
  /** Makes the gateway's spans and hands them to the SDK's span processors. */
  readonly spans: SpanRecorder;
  /** W3C trace context: reads an incoming traceparent (trace-headers.ts writes the one sent upstream). */
  readonly propagator: TextMapPropagator;
  /** Present when metrics are exported over OTLP: the Prometheus registry to export is attached to it. */
  readonly metricProducer?: RegistryMetricProducer;
  /** Flushes what is pending and stops the SDK. */
  shutdown(): Promise<void>;
}
