import { type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type IMetricReader } from '@opentelemetry/sdk-metrics';
import { type TelemetryConfig } from '../../config';
import { RegistryMetricProducer } from '../metrics/registry-metric-producer';
import { ExplicitContextManager } from './explicit-context-manager';
import { otlpHttpSpansExporter } from './otlp-http-spans-exporter';
import { OtlpJsonSpanProcessor } from './otlp-json-span-processor';
import { type Telemetry } from './telemetry';

export interface TelemetryOptions {
  /** Used instead of the OTLP span exporter, and turn tracing on without an endpoint (tests: an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}

const METRICS_EXPORT_INTERVAL_MS = 15_000;
/** Spans per export request (the SDK's default batch); encoded as they end, they wait as bytes off the heap. */
const SPAN_EXPORT_BATCH = 512;
const SPAN_FLUSH_INTERVAL_MS = 1_000;

/**
 * Starts the OpenTelemetry Node SDK when `telemetry.otlp_endpoint` is set (spans and metrics over OTLP/HTTP), or when
 * a test passes span processors. Otherwise nothing is created, not even the SDK, whose modules are not even loaded.
 * Call it before the Nest application is created.
 */
export async function startTelemetry(settings: TelemetryConfig, options: TelemetryOptions = {}): Promise<Telemetry | undefined> {
  const endpoint = settings.otlp_endpoint?.replace(/\/+$/, '');
  if (endpoint === undefined && options.spanProcessors === undefined) return undefined;

  const [{ NodeSDK }, api, { W3CTraceContextPropagator, globalErrorHandler }, { ParentBasedSampler, TraceIdRatioBasedSampler }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/api'),
    import('@opentelemetry/core'),
    import('@opentelemetry/sdk-trace-base'),
  ]);
  const spanProcessors = options.spanProcessors ?? [
    new OtlpJsonSpanProcessor(await otlpHttpSpansExporter(`${endpoint}/v1/traces`), {
      batchSpans: SPAN_EXPORT_BATCH,
      flushIntervalMs: SPAN_FLUSH_INTERVAL_MS,
      onExportError: globalErrorHandler,
    }),
  ];
  const metrics = endpoint === undefined ? undefined : await otlpMetrics(endpoint);

  const sdk = new NodeSDK({
    serviceName: settings.service_name,
    // Without sample_ratio the SDK reads OTEL_TRACES_SAMPLER (default: record every trace, follow the caller's decision).
    ...(settings.sample_ratio === undefined ? {} : { sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.sample_ratio) }) }),
    spanProcessors,
    contextManager: new ExplicitContextManager(),
    metricReaders: metrics ? [metrics.reader] : [],
    // The gateway makes its spans itself; no auto-instrumentation, no log export.
    instrumentations: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return {
    tracer: api.trace.getTracer('gatehouse'),
    propagator: new W3CTraceContextPropagator(),
    metricProducer: metrics?.producer,
    async shutdown() {
      await sdk.shutdown();
      // Unregister the global providers so that a later start in the same process (tests) registers its own.
      api.trace.disable();
      api.metrics.disable();
      api.propagation.disable();
      api.context.disable();
    },
  };
}

/** A periodic OTLP export of the gateway's Prometheus registry (attached later by GatewayMetrics). */
async function otlpMetrics(endpoint: string): Promise<{ reader: IMetricReader; producer: RegistryMetricProducer }> {
  const [{ PeriodicExportingMetricReader, AggregationTemporality, DataPointType }, { OTLPMetricExporter }, { emptyResource }] = await Promise.all([
    import('@opentelemetry/sdk-metrics'),
    import('@opentelemetry/exporter-metrics-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const producer = new RegistryMetricProducer({
    cumulative: AggregationTemporality.CUMULATIVE,
    histogram: DataPointType.HISTOGRAM,
    sum: DataPointType.SUM,
    gauge: DataPointType.GAUGE,
    resource: emptyResource(),
  });
  const reader = new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({ url: `${endpoint}/v1/metrics` }),
    exportIntervalMillis: METRICS_EXPORT_INTERVAL_MS,
    metricProducers: [producer],
  });
  return { reader, producer };
}
