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
import { BufferPool } from '../buffer-pool';
import { JsonBytes } from '../json-bytes';

/** Sends encoded export requests to the collector (the SDK's OTLP/HTTP transport: retries, timeout, headers). */
export interface EncodedSpansExporter {
  /** `body` is one whole OTLP/HTTP JSON export request; its buffer goes back to the pool once `done` is called. */
  export(body: Uint8Array, done: (result: ExportResult) => void): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface OtlpJsonSpanProcessorOptions {
  /** Spans per export request: when this many have ended, they go out. */
  batchSpans: number;
  /** Spans that ended since the last export go out after this long even when fewer. */
  flushIntervalMs: number;
  /**
   * How long an ended span may wait to be written. Written together, after the requests of the moment are answered,
   * spans cost less and delay no request; a span object that waits this little still dies before its first collection.
   */
  encodeDelayMs: number;
  /** Where a failed export is reported (the SDK's global error handler). */
  onExportError(error: Error): void;
}

/** ExportResultCode.SUCCESS; @opentelemetry/core itself is loaded only when telemetry is on. */
const EXPORT_SUCCEEDED = 0;
const COMMA = 0x2c;
/** Room for a full batch of the gateway's spans (about 1.3 KB each) in one buffer, so an export is sent as written. */
const EXPORT_BUFFER_BYTES = 1024 * 1024;
/** Buffers kept for reuse: one being filled, and a few whose exports are still in flight. */
const EXPORT_BUFFERS_KEPT = 4;

/**
 * The gateway's batch span processor: it encodes spans to OTLP JSON a few milliseconds after they end, into off-heap
 * buffers, and sends them in batches. The SDK's BatchSpanProcessor keeps the span objects (a few hundred small objects
 * each, with their attributes) until the batch is serialized, long enough for young collections to copy or promote
 * them; here only bytes wait. While the collector is down, the transport keeps at most 30 exports in flight (about
 * 15,000 spans, as many as the SDK's processor was allowed to queue here); batches beyond that are dropped and reported.
 */
export class OtlpJsonSpanProcessor implements SpanProcessor {
  private groups = new Map<SpanResource, Map<string, ScopeGroup>>();
  private lastGroup?: ScopeGroup;
  private pendingSpans = 0;
  private readonly exports = new Set<Promise<void>>();
  private readonly timer: NodeJS.Timeout;
  /** Shared memory: the export thread sends a batch from the buffer it was written into, which comes back when it is sent. */
  private readonly pool = new BufferPool(EXPORT_BUFFER_BYTES, EXPORT_BUFFERS_KEPT, true);
  /** Spans that ended and wait to be written (for encodeDelayMs at most). */
  private ended: ReadableSpan[] = [];
  private encodeTimer?: NodeJS.Timeout;

  constructor(
    private readonly exporter: EncodedSpansExporter,
    private readonly options: OtlpJsonSpanProcessorOptions,
  ) {
    this.timer = setInterval(() => this.flush(), options.flushIntervalMs).unref();
  }

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    const waiting = this.ended.push(span);
    if (waiting >= this.options.batchSpans) this.encodeEnded();
    else if (waiting === 1) this.encodeTimer = setTimeout(this.encodeEnded, this.options.encodeDelayMs).unref();
  }

  /** Writes the spans that ended since the last time, and sends a batch when one is full. */
  private readonly encodeEnded = () => {
    clearTimeout(this.encodeTimer);
    const spans = this.ended;
    this.ended = [];
    for (const span of spans) {
      this.groupOf(span).append(span);
      if (++this.pendingSpans >= this.options.batchSpans) this.flush();
    }
  };

  async forceFlush(): Promise<void> {
    this.encodeEnded();
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
    if (!group) scopes.set(key, (group = new ScopeGroup(span.resource, span.instrumentationScope, this.pool)));
    return (this.lastGroup = group);
  }

  private flush(): void {
    if (this.pendingSpans === 0) return;
    const groups = this.groups;
    this.groups = new Map();
    this.lastGroup = undefined;
    this.pendingSpans = 0;
    const sent: Promise<void> = this.send(groups)
      .catch((error: unknown) => this.options.onExportError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        for (const scopes of groups.values()) for (const group of scopes.values()) group.bytes.recycle();
        this.exports.delete(sent);
      });
    this.exports.add(sent);
  }

  private async send(groups: Map<SpanResource, Map<string, ScopeGroup>>): Promise<void> {
    const only = groups.size === 1 ? [...groups.values()][0]! : undefined;
    const body = only?.size === 1 ? await [...only.values()][0]!.requestBody() : await joinedRequestBody(groups);
    const result = await new Promise<ExportResult>((resolve) => this.exporter.export(body, resolve));
    if (result.code !== EXPORT_SUCCEEDED) this.options.onExportError(new Error(`OTLP span export failed${result.error ? `: ${result.error.message}` : ''}`));
  }
}

/** One export request for spans of several resources or scopes, joined from their groups. */
async function joinedRequestBody(groups: Map<SpanResource, Map<string, ScopeGroup>>): Promise<Buffer> {
  const parts: Uint8Array[] = [Buffer.from(TRACES_REQUEST_OPENING)];
  let resourceSeparator = '';
  for (const [resource, scopes] of groups) {
    // Resource detectors may still be running (the SDK's processor waits for them too).
    if (resource.asyncAttributesPending) await resource.waitForAsyncAttributes?.();
    let json = resourceSeparator + openResourceSpans(resource);
    let scopeSeparator = '';
    for (const group of scopes.values()) {
      parts.push(Buffer.from(json + scopeSeparator + openScopeSpans(group.scope)), ...group.spanBytes());
      json = closeScopeSpans(group.scope);
      scopeSeparator = ',';
    }
    parts.push(Buffer.from(json + closeResourceSpans(resource)));
    resourceSeparator = ',';
  }
  parts.push(Buffer.from(TRACES_REQUEST_CLOSING));
  return Buffer.concat(parts);
}

/**
 * The spans of one resource and instrumentation scope that wait for the next export, as JSON. When the resource is
 * complete, the opening of an export request of their own is written first: when they are all that is exported, as
 * the gateway's spans are, the request is sent as written, usually a single buffer. Otherwise the opening is left
 * out of what is joined.
 */
class ScopeGroup {
  readonly bytes: JsonBytes;
  private spans = 0;
  private readonly openingBytes: number;

  constructor(
    readonly resource: SpanResource,
    readonly scope: InstrumentationScope,
    pool: BufferPool,
  ) {
    this.bytes = new JsonBytes(pool.size, pool);
    if (!resource.asyncAttributesPending) this.bytes.text(requestOpening(resource, scope));
    // Resource detectors are still running: the opening waits for them, at the export. Asked now, they are done sooner.
    else resource.waitForAsyncAttributes?.().catch(() => {});
    this.openingBytes = this.bytes.byteLength;
  }

  append(span: ReadableSpan): void {
    if (this.spans++ > 0) this.bytes.byte(COMMA);
    writeSpan(span, this.bytes);
  }

  /** The whole export request for these spans alone; append nothing afterwards. */
  async requestBody(): Promise<Buffer> {
    const { resource, scope } = this;
    if (this.openingBytes === 0) {
      await resource.waitForAsyncAttributes?.();
      return Buffer.concat([Buffer.from(requestOpening(resource, scope)), ...this.bytes.take(), Buffer.from(requestClosing(resource, scope))]);
    }
    this.bytes.text(requestClosing(resource, scope));
    const parts = this.bytes.take();
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  /** The spans alone, comma-separated; append nothing afterwards. */
  spanBytes(): Buffer[] {
    const parts = [...this.bytes.take()];
    // The opening, when written, is at the start of the first buffer (a piece never straddles two).
    if (this.openingBytes > 0) parts[0] = parts[0]!.subarray(this.openingBytes);
    return parts;
  }
}

function requestOpening(resource: SpanResource, scope: InstrumentationScope): string {
  return TRACES_REQUEST_OPENING + openResourceSpans(resource) + openScopeSpans(scope);
}

function requestClosing(resource: SpanResource, scope: InstrumentationScope): string {
  return closeScopeSpans(scope) + closeResourceSpans(resource) + TRACES_REQUEST_CLOSING;
}
