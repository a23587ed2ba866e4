import { TraceFlags } from '@opentelemetry/api';
import { type ExportResult, type InstrumentationScope } from '@opentelemetry/core';
import { type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  closeResourceSpans,
  closeScopeSpans,
  openResourceSpans,
  openScopeSpans,
  type SpanResource,
  TRACES_REQUEST_CLOSING,
  TRACES_REQUEST_OPENING,
  writeSpan,
} from './otlp-json-spans';
import { JsonBytes } from '../json-bytes';

/** One OTLP/HTTP export request, already encoded, and how many spans it carries. */
export interface EncodedSpans {
  body: Uint8Array;
  spans: number;
}

/** Sends encoded export requests to the collector (the SDK's OTLP/HTTP transport: retries, timeout, headers). */
export interface EncodedSpansExporter {
  export(batch: EncodedSpans, done: (result: ExportResult) => void): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface OtlpJsonSpanProcessorOptions {
  /** Spans per export request: when this many have ended, they go out. */
  batchSpans: number;
  /** Spans that ended since the last export go out after this long even when fewer. */
  flushIntervalMs: number;
  /** Where a failed export is reported (the SDK's global error handler). */
  onExportError(error: Error): void;
}

/** ExportResultCode.SUCCESS; @opentelemetry/core itself is loaded only when telemetry is on. */
const EXPORT_SUCCEEDED = 0;

/**
 * The gateway's batch span processor: it encodes each span to OTLP JSON as it ends, into off-heap buffers, and sends
 * them in batches. The SDK's BatchSpanProcessor keeps the span objects (a few hundred small objects each, with their
 * attributes) until the batch is serialized, long enough for young collections to copy or promote them; here only
 * bytes wait. While the collector is down, the transport keeps at most 30 exports in flight (about 15,000 spans, as
 * many as the SDK's processor was allowed to queue here); batches beyond that are dropped and reported.
 */
export class OtlpJsonSpanProcessor implements SpanProcessor {
  private groups = new Map<SpanResource, Map<string, ScopeGroup>>();
  private lastGroup?: ScopeGroup;
  private pendingSpans = 0;
  private readonly exports = new Set<Promise<void>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly exporter: EncodedSpansExporter,
    private readonly options: OtlpJsonSpanProcessorOptions,
  ) {
    this.timer = setInterval(() => this.flush(), options.flushIntervalMs).unref();
  }

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    this.groupOf(span).append(span);
    if (++this.pendingSpans >= this.options.batchSpans) this.flush();
  }

  async forceFlush(): Promise<void> {
    this.flush();
    await Promise.all(this.exports);
    await this.exporter.forceFlush();
  }

  async shutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.forceFlush();
    await this.exporter.shutdown();
  }

  private groupOf(span: ReadableSpan): ScopeGroup {
    const last = this.lastGroup;
    if (last?.resource === span.resource && last.scope === span.instrumentationScope) return last;
    let scopes = this.groups.get(span.resource);
    if (!scopes) this.groups.set(span.resource, (scopes = new Map()));
    const { name, version, schemaUrl } = span.instrumentationScope;
    const key = `${name}@${version ?? ''}:${schemaUrl ?? ''}`;
    let group = scopes.get(key);
    if (!group) scopes.set(key, (group = new ScopeGroup(span.resource, span.instrumentationScope)));
    return (this.lastGroup = group);
  }

  private flush(): void {
    if (this.pendingSpans === 0) return;
    const groups = this.groups;
    const spans = this.pendingSpans;
    this.groups = new Map();
    this.lastGroup = undefined;
    this.pendingSpans = 0;
    const sent: Promise<void> = this.send(groups, spans)
      .catch((error: unknown) => this.options.onExportError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => this.exports.delete(sent));
    this.exports.add(sent);
  }

  private async send(groups: Map<SpanResource, Map<string, ScopeGroup>>, spans: number): Promise<void> {
    const parts: Uint8Array[] = [Buffer.from(TRACES_REQUEST_OPENING)];
    let resourceSeparator = '';
    for (const [resource, scopes] of groups) {
      // Resource detectors may still be running (the SDK's processor waits for them too).
      if (resource.asyncAttributesPending) await resource.waitForAsyncAttributes?.();
      let json = resourceSeparator + openResourceSpans(resource);
      let scopeSeparator = '';
      for (const { scope, bytes } of scopes.values()) {
        parts.push(Buffer.from(json + scopeSeparator + openScopeSpans(scope)), ...bytes.take());
        json = closeScopeSpans(scope);
        scopeSeparator = ',';
      }
      parts.push(Buffer.from(json + closeResourceSpans(resource)));
      resourceSeparator = ',';
    }
    parts.push(Buffer.from(TRACES_REQUEST_CLOSING));
    const result = await new Promise<ExportResult>((resolve) => this.exporter.export({ body: Buffer.concat(parts), spans }, resolve));
    if (result.code !== EXPORT_SUCCEEDED) this.options.onExportError(result.error ?? new Error('OTLP span export failed'));
  }
}

/** The spans of one resource and instrumentation scope that wait for the next export, as JSON. */
class ScopeGroup {
  readonly bytes = new JsonBytes();

  constructor(
    readonly resource: SpanResource,
    readonly scope: InstrumentationScope,
  ) {}

  append(span: ReadableSpan): void {
    if (!this.bytes.empty) this.bytes.ascii(',');
    writeSpan(span, this.bytes);
  }
}
