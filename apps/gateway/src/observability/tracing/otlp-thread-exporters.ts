import { type ExportResult } from '@opentelemetry/core';
import { type PushMetricExporter, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { type EncodedSpansExporter } from './otlp-json-span-processor';
import { type OtlpExportThread } from './otlp-export-thread';

/** The span processor's encoded batches, sent by the export thread. Shutting down flushes; the thread is stopped by its owner. */
export function threadSpansExporter(thread: OtlpExportThread): EncodedSpansExporter {
  return {
    export: (batch, done) => thread.export('traces', batch.body, batch.spans, done),
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
    if (body === undefined) return done({ code: 1, error: new Error('the metrics could not be encoded as OTLP JSON') });
    const points = metrics.scopeMetrics.reduce((sum, scope) => sum + scope.metrics.reduce((count, metric) => count + metric.dataPoints.length, 0), 0);
    this.thread.export('metrics', body, points, done);
  }

  forceFlush(): Promise<void> {
    return this.thread.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.thread.forceFlush();
  }
}
