import { afterAll } from 'vitest';
import { type EncodedSpansExporter } from '../tracing/otlp-json-span-processor';
import { OtlpExportThread } from '../tracing/otlp-export-thread';
import { threadSpansExporter } from '../tracing/otlp-thread-exporters';
import { type CollectorEndpoint } from './collector-endpoint';

/**
 * Span exporters as the gateway makes them (an export thread each) sending to `collector`, handed out once their
 * thread is ready (it loads the SDK's transport first, which takes a few hundred milliseconds); stopped after the
 * file's tests.
 */
export function threadSpansExportersForFile(collector: CollectorEndpoint): () => Promise<EncodedSpansExporter> {
  const threads: OtlpExportThread[] = [];
  afterAll(() => Promise.all(threads.map((thread) => thread.shutdown())));
  return async () => {
    const thread = new OtlpExportThread(collector.url);
    threads.push(thread);
    await thread.forceFlush();
    return threadSpansExporter(thread);
  };
}
