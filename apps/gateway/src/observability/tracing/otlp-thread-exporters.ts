import { type ExportResult } from '@opentelemetry/core';
import { type PushMetricExporter, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { type EncodedSpansExporter } from './otlp-json-span-processor';
import { EXPORT_FAILED, type OtlpExportThread } from './otlp-export-thread';

/** The span processor's encoded batches, sent by the export thread. Shutting down flushes; the thread is stopped by its owner. */
export function threadSpansExporter(thread: OtlpExportThread): EncodedSpansExporter {
  return {
    export: (body, done) => thread.export('traces', body, done),
    forceFlush: () => thread.forceFlush(),
    shutdown: () => thread.forceFlush(),
  };
}

/** The SDK's metric reader exports through this: encoded as OTLP JSON here, sent by the export thread. */
export class ThreadMetricExporter implements PushMetricExporter {
  constructor(
    private readonly thread: OtlpExportThread,
    private readonly encode: (metrics: ResourceMetrics) => Uint8Array | undefined,
  ) {}

  export(metrics: ResourceMetrics, done: (result: ExportResult) => void): void {
    const body = this.encode(metrics);
    if (body === undefined) return done({ code: EXPORT_FAILED, error: new Error('the metrics could not be encoded as OTLP JSON') });
    this.thread.export('metrics', body, done);
  }

  forceFlush(): Promise<void> {
    return this.thread.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.thread.forceFlush();
  }
}
