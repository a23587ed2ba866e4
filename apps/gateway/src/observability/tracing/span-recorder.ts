import { type Context, type SpanContext, type SpanKind, TraceFlags } from '@opentelemetry/api';
import { type InstrumentationScope } from '@opentelemetry/core';
import { type IdGenerator, type Sampler, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { FinishedSpan, NO_LINKS, type SpanRecord, type SpanResource } from './finished-span';

/** SamplingDecision.RECORD_AND_SAMPLED; @opentelemetry/sdk-trace-base itself is loaded only when telemetry is on. */
const RECORD_AND_SAMPLED = 2;
const NO_ATTRIBUTES = Object.freeze({});

export interface SpanRecorderSetup {
  sampler: Sampler;
  idGenerator: IdGenerator;
  /** Every ended span that was sampled goes to each of them (onStart is not called: spans are handed over whole). */
  processors: readonly SpanProcessor[];
  resource: SpanResource;
  scope: InstrumentationScope;
}

/**
 * The gateway's tracer for its own two kinds of span: it decides a trace's sampling and ids when a request starts,
 * and hands the span to the SDK's span processors when it ends. Per span that is one object, where the SDK's tracer
 * builds a live span, validates and copies every attribute, and keeps both the clock and a context per span: on this
 * path that was most of tracing's cost.
 */
export class SpanRecorder {
  constructor(private readonly setup: SpanRecorderSetup) {}

  /** The context of a span that starts a trace here or continues the caller's (`parent`, read from its traceparent). */
  startTrace(parent: Context, parentSpan: SpanContext | undefined, name: string, kind: SpanKind): SpanContext {
    const { sampler, idGenerator } = this.setup;
    const traceId = parentSpan?.traceId ?? idGenerator.generateTraceId();
    const spanId = idGenerator.generateSpanId();
    const sampling = sampler.shouldSample(parent, traceId, name, kind, NO_ATTRIBUTES, NO_LINKS);
    return {
      traceId,
      spanId,
      traceFlags: sampling.decision === RECORD_AND_SAMPLED ? TraceFlags.SAMPLED : TraceFlags.NONE,
      traceState: sampling.traceState ?? parentSpan?.traceState,
    };
  }

  /** The context of a child span: same trace, same sampling. */
  childOf(parent: SpanContext): SpanContext {
    return { traceId: parent.traceId, spanId: this.setup.idGenerator.generateSpanId(), traceFlags: parent.traceFlags, traceState: parent.traceState };
  }

  end(record: SpanRecord): void {
    if ((record.context.traceFlags & TraceFlags.SAMPLED) === 0) return;
    const span = new FinishedSpan(record, this.setup.resource, this.setup.scope);
    for (const processor of this.setup.processors) processor.onEnd(span);
  }
}
