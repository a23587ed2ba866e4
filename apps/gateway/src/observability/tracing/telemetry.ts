import { type TextMapPropagator, type Tracer } from '@opentelemetry/api';
import { type RegistryMetricProducer } from '../metrics/registry-metric-producer';

/** The running OpenTelemetry SDK, as the gateway uses it. Exists only when telemetry is on. */
export interface Telemetry {
  readonly tracer: Tracer;
  /** W3C trace context: reads an incoming traceparent (trace-headers.ts writes the one sent upstream). */
  readonly propagator: TextMapPropagator;
  /** Present when metrics are exported over OTLP: the Prometheus registry to export is attached to it. */
  readonly metricProducer?: RegistryMetricProducer;
  /** Flushes what is pending and stops the SDK. */
  shutdown(): Promise<void>;
}
