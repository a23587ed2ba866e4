// The worker thread of OtlpExportThread (otlp-export-thread.ts): it sends the gateway's OTLP/HTTP export requests,
// which arrive encoded, with the SDK's own transport (retries with backoff, timeout, a bound on exports in flight, the
// OTEL_EXPORTER_OTLP_* headers and settings), and answers each message with the export's result.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { convertLegacyHttpOptions, createOtlpHttpExportDelegate } from '@opentelemetry/otlp-exporter-base/node-http';
import { JsonMetricsSerializer, JsonTraceSerializer } from '@opentelemetry/otlp-transformer';

/** The lowest priority there is (nice 19): the thread gets the CPU when the serving thread does not want it. */
const LOWEST_PRIORITY = 19;

/**
 * Exports wait for the serving thread, never the reverse. Where the two share a core, posting an export wakes this
 * thread, and at the same priority the scheduler let it take over the core at once: in the gateway's CPU profile that
 * was ~4 µs of stalled request handling per request at full tracing, 0.8 µs with this. Linux only: there a thread has
 * a priority of its own, set through its thread id (elsewhere the same call would lower the whole process). Best
 * effort: a container that forbids it leaves the thread as it is.
 */
function yieldToTheServingThread() {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), LOWEST_PRIORITY);
  } catch {
    // No /proc/thread-self (not Linux), or not allowed: exports go out at the process's priority.
  }
}

yieldToTheServingThread();

const SIGNALS = {
  traces: { settings: 'TRACES', component: 'otlp_http_json_span_exporter', serializer: JsonTraceSerializer },
  metrics: { settings: 'METRICS', component: 'otlp_http_metric_exporter', serializer: JsonMetricsSerializer },
};
// Items are counted only for the exporter's own metrics, which are off here (no meter provider is given).
const UNCOUNTED = { name: 'item', countItems: () => 0 };

function exportDelegate(signal, { settings, component, serializer }) {
  const options = convertLegacyHttpOptions({ url: `${workerData.endpoint}/v1/${signal}` }, settings, `v1/${signal}`, { 'Content-Type': 'application/json' });
  // The body is ready; the collector's answer is read as the SDK's JSON exporters read it.
  const alreadyEncoded = { serializeRequest: (message) => message.body, deserializeResponse: (data) => serializer.deserializeResponse(data) };
  return createOtlpHttpExportDelegate(options, alreadyEncoded, component, UNCOUNTED, undefined);
}

const delegates = Object.fromEntries(Object.entries(SIGNALS).map(([signal, setup]) => [signal, exportDelegate(signal, setup)]));

/** What went wrong, with the collector's HTTP status when it answered (the SDK's OTLPExporterError carries it as `code`). */
function describe(error) {
  const message = String(error?.message ?? error);
  return typeof error?.code === 'number' ? `${message} (HTTP ${error.code})` : message;
}

parentPort.on('message', (message) => {
  const answer = (code, error) => parentPort.postMessage({ id: message.id, code, error: error === undefined ? undefined : describe(error) });
  if (message.flush) {
    Promise.all(Object.values(delegates).map((delegate) => delegate.forceFlush())).then(
      () => answer(0),
      (error) => answer(1, error),
    );
    return;
  }
  delegates[message.signal].export(message, (result) => answer(result.code, result.error));
});
