import { type Attributes, type HrTime, type Link, type SpanContext, type SpanKind, type SpanStatus, SpanStatusCode } from '@opentelemetry/api';
import { type InstrumentationScope } from '@opentelemetry/core';
import { type ReadableSpan, type TimedEvent } from '@opentelemetry/sdk-trace-base';
import { hrTimeOf, spanClock } from './span-clock';

export type SpanResource = ReadableSpan['resource'];

/** What the gateway knows about a span when it ends. Times are performance.now() readings. */
export interface SpanRecord {
  name: string;
  kind: SpanKind;
  context: SpanContext;
  parent: SpanContext | undefined;
  startedAt: number;
  endedAt: number;
  attributes: Attributes;
  status: SpanStatus;
}

/** The status of a span that did not fail (shared: a span's status is never changed once it has ended). */
export const UNSET_STATUS: SpanStatus = Object.freeze({ code: SpanStatusCode.UNSET });

// Shared by every span, so frozen: a processor that tried to add to them would fail instead of touching all spans.
export const NO_LINKS = Object.freeze([]) as unknown as Link[];
const NO_EVENTS = Object.freeze([]) as unknown as TimedEvent[];

/**
 * An ended span as the SDK's span processors and exporters read it. The gateway's spans are made whole when they end:
 * nothing is recorded while they are open, so there is no live span object to validate and copy attributes into.
 */
export class FinishedSpan implements ReadableSpan {
  readonly name: string;
  readonly kind: SpanKind;
  readonly parentSpanContext: SpanContext | undefined;
  readonly startTime: HrTime;
  readonly endTime: HrTime;
  readonly duration: HrTime;
  readonly status: SpanStatus;
  readonly attributes: Attributes;
  readonly links = NO_LINKS;
  readonly events = NO_EVENTS;
  readonly ended = true;
  readonly droppedAttributesCount = 0;
  readonly droppedEventsCount = 0;
  readonly droppedLinksCount = 0;
  private readonly context: SpanContext;

  constructor(
    record: SpanRecord,
    readonly resource: SpanResource,
    readonly instrumentationScope: InstrumentationScope,
  ) {
    this.name = record.name;
    this.kind = record.kind;
    this.context = record.context;
    this.parentSpanContext = record.parent;
    // One offset for both ends, so that a clock correction never lands inside a span.
    const epochOffset = spanClock.epochOffsetAt(record.endedAt);
    this.startTime = hrTimeOf(epochOffset + record.startedAt);
    this.endTime = hrTimeOf(epochOffset + record.endedAt);
    this.duration = hrTimeOf(record.endedAt - record.startedAt);
    this.status = record.status;
    this.attributes = record.attributes;
  }

  spanContext(): SpanContext {
    return this.context;
  }
}
