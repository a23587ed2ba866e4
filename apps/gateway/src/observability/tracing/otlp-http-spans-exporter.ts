import { type IExporterMetricsHelper, type IExportTraceServiceResponse, type ISerializer } from '@opentelemetry/otlp-transformer';
import { type EncodedSpans, type EncodedSpansExporter } from './otlp-json-span-processor';

const SPANS_PER_BATCH: IExporterMetricsHelper<EncodedSpans> = { name: 'span', countItems: (batch) => batch.spans };

/**
 * The SDK's OTLP/HTTP export (retries with backoff, timeout, a bound on concurrent exports, OTEL_EXPORTER_OTLP_*
 * headers and settings) for bodies the gateway has already encoded as OTLP JSON.
 */
export async function otlpHttpSpansExporter(url: string): Promise<EncodedSpansExporter> {
  const [{ OTLPExporterBase }, { convertLegacyHttpOptions, createOtlpHttpExportDelegate }, { JsonTraceSerializer }] = await Promise.all([
    import('@opentelemetry/otlp-exporter-base'),
    import('@opentelemetry/otlp-exporter-base/node-http'),
    import('@opentelemetry/otlp-transformer'),
  ]);
  // The body is ready; the collector's answer is read as the SDK's JSON exporter reads it.
  const alreadyEncoded: ISerializer<EncodedSpans, IExportTraceServiceResponse> = {
    serializeRequest: (batch) => batch.body,
    deserializeResponse: (data) => JsonTraceSerializer.deserializeResponse(data),
  };
  const options = convertLegacyHttpOptions({ url }, 'TRACES', 'v1/traces', { 'Content-Type': 'application/json' });
  return new OTLPExporterBase(createOtlpHttpExportDelegate(options, alreadyEncoded, 'otlp_http_json_span_exporter', SPANS_PER_BATCH, undefined));
}
