import { type IExporterMetricsHelper, type IExportTraceServiceResponse, type ISerializer } from '@opentelemetry/otlp-transformer';
import { type EncodedSpans, type EncodedSpansExporter } from './otlp-json-span-processor';

const ALREADY_ENCODED: ISerializer<EncodedSpans, IExportTraceServiceResponse> = {
  serializeRequest: (batch) => batch.body,
  deserializeResponse(data) {
    if (data.length === 0) return {};
    try {
      return JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')) as IExportTraceServiceResponse;
    } catch {
      return {};
    }
  },
};

const SPANS_PER_BATCH: IExporterMetricsHelper<EncodedSpans> = { name: 'span', countItems: (batch) => batch.spans };

/**
 * The SDK's OTLP/HTTP export (retries with backoff, timeout, a bound on concurrent exports, OTEL_EXPORTER_OTLP_*
 * headers and settings) for bodies the gateway has already encoded as OTLP JSON.
 */
export async function otlpHttpSpansExporter(url: string): Promise<EncodedSpansExporter> {
  const [{ OTLPExporterBase }, { convertLegacyHttpOptions, createOtlpHttpExportDelegate }] = await Promise.all([
    import('@opentelemetry/otlp-exporter-base'),
    import('@opentelemetry/otlp-exporter-base/node-http'),
  ]);
  const options = convertLegacyHttpOptions({ url }, 'TRACES', 'v1/traces', { 'Content-Type': 'application/json' });
  return new OTLPExporterBase(createOtlpHttpExportDelegate(options, ALREADY_ENCODED, 'otlp_http_json_span_exporter', SPANS_PER_BATCH, undefined));
}
