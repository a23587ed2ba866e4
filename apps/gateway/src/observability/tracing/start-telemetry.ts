import { Logger } from '@nestjs/common';
import { type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type IMetricReader } from '@opentelemetry/sdk-metrics';
import { type TelemetryConfig } from '../../config';
import { RegistryMetricProducer } from '../metrics/registry-metric-producer';
import { BatchedIdGenerator } from './batched-id-generator';
import { ExplicitContextManager } from './explicit-context-manager';
import { OtlpExportThread } from './otlp-export-thread';
import { ThreadMetricExporter, threadSpansExporter } from './otlp-thread-exporters';
import { OtlpJsonSpanProcessor } from './otlp-json-span-processor';
import { SpanRecorder } from './span-recorder';
import { telemetryErrorLog } from './telemetry-error-log';
import { type Telemetry } from './telemetry';
import { traceSampler } from './trace-sampler';

export interface TelemetryOptions {
  /** Used instead of the OTLP span exporter, and turn tracing on without an endpoint (tests: an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}

const TRACER_NAME = 'gatehouse';
const METRICS_EXPORT_INTERVAL_MS = 15_000;
/** Spans per export request (the SDK's default batch); encoded as they end, they wait as bytes off the heap. */
const SPAN_EXPORT_BATCH = 512;
const SPAN_FLUSH_INTERVAL_MS = 1_000;
/** Ended spans are written in small batches, this long after the first of them ended. */
const SPAN_ENCODE_DELAY_MS = 10;

/**
 * Starts the OpenTelemetry Node SDK when `telemetry.otlp_endpoint` is set (spans and metrics over OTLP/HTTP), or when
 * a test passes span processors. Otherwise nothing is created, not even the SDK, whose modules are not even loaded.
 * Call it before the Nest application is created.
 */
export async function startTelemetry(settings: TelemetryConfig, options: TelemetryOptions = {}): Promise<Telemetry | undefined> {
  const endpoint = settings.otlp_endpoint?.replace(/\/+$/, '');
  if (endpoint === undefined && options.spanProcessors === undefined) return undefined;

  const [{ NodeSDK }, api, core, traceSdk, resources] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/api'),
    import('@opentelemetry/core'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/resources'),
  ]);
  const exportThread = endpoint === undefined ? undefined : new OtlpExportThread(endpoint);
  const spanProcessors = options.spanProcessors ?? [
    new OtlpJsonSpanProcessor(threadSpansExporter(exportThread!), {
      batchSpans: SPAN_EXPORT_BATCH,
      flushIntervalMs: SPAN_FLUSH_INTERVAL_MS,
      encodeDelayMs: SPAN_ENCODE_DELAY_MS,
      onExportError: core.globalErrorHandler,
    }),
  ];
  const metrics = exportThread === undefined ? undefined : await otlpMetrics(exportThread);

  // What the SDK would detect by default, with the configured service name; the SDK is given the same resource.
  const { hostDetector, osDetector, serviceInstanceIdDetector, processDetector, envDetector } = resources;
  const resource = resources
    .defaultResource()
    .merge(resources.detectResources({ detectors: [hostDetector, osDetector, serviceInstanceIdDetector, processDetector, envDetector] }))
    .merge(resources.resourceFromAttributes({ 'service.name': settings.service_name }));
  const sampler = traceSampler(settings.sample_ratio, traceSdk, core);
  const spans = new SpanRecorder({
    sampler,
    idGenerator: new BatchedIdGenerator(),
    processors: spanProcessors,
    resource,
    scope: { name: TRACER_NAME },
  });

  const sdk = new NodeSDK({
    resource,
    autoDetectResources: false,
    sampler,
    // The gateway's own spans come from the SpanRecorder; the SDK's tracer, for any other code, feeds the same processors.
    spanProcessors,
    contextManager: new ExplicitContextManager(),
    metricReaders: metrics ? [metrics.reader] : [],
    // The gateway makes its spans itself; no auto-instrumentation, no log export.
    instrumentations: [],
    logRecordProcessors: [],
  });
  sdk.start();
  core.setGlobalErrorHandler(telemetryErrorLog(new Logger('Telemetry')));
  return {
    spans,
    propagator: new core.W3CTraceContextPropagator(),
    metricProducer: metrics?.producer,
    async shutdown() {
      await sdk.shutdown();
      await exportThread?.shutdown();
      // Unregister the global providers so that a later start in the same process (tests) registers its own.
      api.trace.disable();
      api.metrics.disable();
      api.propagation.disable();
      api.context.disable();
      core.setGlobalErrorHandler(core.loggingErrorHandler());
    },
  };
}

/** A periodic OTLP export of the gateway's Prometheus registry (attached later by GatewayMetrics). */
async function otlpMetrics(thread: OtlpExportThread): Promise<{ reader: IMetricReader; producer: RegistryMetricProducer }> {
  const [{ PeriodicExportingMetricReader, AggregationTemporality, DataPointType }, { JsonMetricsSerializer }, { emptyResource }] = await Promise.all([
    import('@opentelemetry/sdk-metrics'),
    import('@opentelemetry/otlp-transformer'),
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
    exporter: new ThreadMetricExporter(thread, (metrics) => JsonMetricsSerializer.serializeRequest(metrics)),
    exportIntervalMillis: METRICS_EXPORT_INTERVAL_MS,
    metricProducers: [producer],
  });
  return { reader, producer };
}
