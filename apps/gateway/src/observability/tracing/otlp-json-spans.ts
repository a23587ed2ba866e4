import { type Attributes, type HrTime, type Link, type SpanContext } from '@opentelemetry/api';
import { type InstrumentationScope } from '@opentelemetry/core';
import { type ReadableSpan, type TimedEvent } from '@opentelemetry/sdk-trace-base';
import { JsonBytes } from '../json-bytes';

/*
 * OTLP/HTTP JSON for finished spans: the same document as the SDK's JsonTraceSerializer (a test holds the two equal)
 * without its object tree per attribute and BigInt arithmetic per timestamp. A span is written as it ends, straight
 * into the bytes of the next export request, so only bytes wait for the export and the span object dies young.
 */

const HAS_IS_REMOTE = 0x100;
const IS_REMOTE = 0x200;

export type SpanResource = ReadableSpan['resource'];

/** What comes before the scopes of one resource: `{"resource":…,"scopeSpans":[`. */
export function openResourceSpans(resource: SpanResource): string {
  return `{"resource":{"attributes":${attributesJson(resource.attributes)},"droppedAttributesCount":0${schemaUrlOf(resource)}},"scopeSpans":[`;
}

/** A resource's attributes, once per export request. */
function attributesJson(attributes: Attributes): string {
  const out = new JsonBytes(1024);
  writeAttributes(attributes, out);
  return Buffer.concat(out.take()).toString('utf8');
}

export function closeResourceSpans(resource: SpanResource): string {
  return `]${schemaUrlOf(resource)}}`;
}

/** What comes before the spans of one instrumentation scope: `{"scope":…,"spans":[`. */
export function openScopeSpans(scope: InstrumentationScope): string {
  const version = scope.version === undefined ? '' : `,"version":${JSON.stringify(scope.version)}`;
  return `{"scope":{"name":${JSON.stringify(scope.name)}${version}},"spans":[`;
}

export function closeScopeSpans(scope: InstrumentationScope): string {
  return `]${schemaUrlOf(scope)}}`;
}

function schemaUrlOf({ schemaUrl }: { schemaUrl?: string }): string {
  return schemaUrl ? `,"schemaUrl":${JSON.stringify(schemaUrl)}` : '';
}

/** An export request's body around its resource groups, which are joined by commas. */
export const TRACES_REQUEST_OPENING = '{"resourceSpans":[';
export const TRACES_REQUEST_CLOSING = ']}';

/** One span, as an element of a scope's `spans` array. */
export function writeSpan(span: ReadableSpan, out: JsonBytes): void {
  // Pieces are written one by one rather than joined first: a joined string would be one more copy to make.
  const context = span.spanContext();
  const parent = span.parentSpanContext;
  const { status } = span;
  out.ascii('{"traceId":"');
  out.ascii(context.traceId);
  out.ascii('","spanId":"');
  out.ascii(context.spanId);
  if (parent?.spanId) {
    out.ascii('","parentSpanId":"');
    out.ascii(parent.spanId);
  }
  out.ascii('"');
  const traceState = context.traceState?.serialize();
  if (traceState !== undefined) {
    out.ascii(',"traceState":');
    out.string(traceState);
  }
  out.ascii(',"name":');
  out.string(span.name);
  out.ascii(',"kind":');
  out.number(span.kind == null ? 0 : span.kind + 1);
  out.ascii(',"startTimeUnixNano":"');
  out.ascii(nanosOf(span.startTime));
  out.ascii('","endTimeUnixNano":"');
  out.ascii(nanosOf(span.endTime));
  out.ascii('","attributes":');
  writeAttributes(span.attributes, out);
  out.ascii(',"droppedAttributesCount":');
  out.number(span.droppedAttributesCount);
  out.ascii(',"events":[');
  writeEach(span.events, writeEvent, out);
  out.ascii('],"droppedEventsCount":');
  out.number(span.droppedEventsCount);
  out.ascii(',"status":{"code":');
  out.number(status.code);
  if (status.message !== undefined) {
    out.ascii(',"message":');
    out.string(status.message);
  }
  out.ascii('},"links":[');
  writeEach(span.links, writeLink, out);
  out.ascii('],"droppedLinksCount":');
  out.number(span.droppedLinksCount);
  out.ascii(',"flags":');
  out.number(flagsOf(context, parent?.isRemote));
  out.ascii('}');
}

/** Items of a JSON array, comma-separated. */
function writeEach<T>(items: readonly T[], write: (item: T, out: JsonBytes) => void, out: JsonBytes): void {
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.ascii(',');
    write(items[i]!, out);
  }
}

function writeEvent(event: TimedEvent, out: JsonBytes): void {
  out.ascii('{"attributes":');
  writeAttributes(event.attributes ?? {}, out);
  out.ascii(',"name":');
  out.string(event.name);
  out.ascii(`,"timeUnixNano":"${nanosOf(event.time)}","droppedAttributesCount":${event.droppedAttributesCount ?? 0}}`);
}

function writeLink(link: Link, out: JsonBytes): void {
  const { context } = link;
  out.ascii('{"attributes":');
  writeAttributes(link.attributes ?? {}, out);
  out.ascii(`,"spanId":"${context.spanId}","traceId":"${context.traceId}"`);
  const traceState = context.traceState?.serialize();
  if (traceState !== undefined) {
    out.ascii(',"traceState":');
    out.string(traceState);
  }
  out.ascii(`,"droppedAttributesCount":${link.droppedAttributesCount ?? 0},"flags":${flagsOf(context, context.isRemote)}}`);
}

/** The W3C trace flags in the low byte, and whether the parent was remote (OTLP's SpanFlags). */
function flagsOf(context: SpanContext, parentIsRemote: boolean | undefined): number {
  return (context.traceFlags & 0xff) | HAS_IS_REMOTE | (parentIsRemote ? IS_REMOTE : 0);
}

/** Nanoseconds since the epoch as a decimal string; an HrTime's nanosecond part is below 10^9. */
function nanosOf([seconds, nanos]: HrTime): string {
  const wholeNanos = Math.trunc(nanos);
  if (Math.trunc(seconds) === 0) return String(wholeNanos);
  return `${Math.trunc(seconds)}${String(wholeNanos).padStart(9, '0')}`;
}

function writeAttributes(attributes: Attributes, out: JsonBytes): void {
  out.ascii('[');
  let first = true;
  for (const key in attributes) {
    if (!first) out.ascii(',');
    first = false;
    writeKeyValue(key, attributes[key], out);
  }
  out.ascii(']');
}

const KEY_OPENINGS_KEPT = 1_000;
const keyValueOpenings = new Map<string, Buffer>();

/** `{"key":…,"value":` for an attribute key, as UTF-8. The gateway's keys are few and fixed; each is encoded once. */
function keyValueOpening(key: string): Buffer {
  let opening = keyValueOpenings.get(key);
  if (opening === undefined) {
    opening = Buffer.from(`{"key":${JSON.stringify(key)},"value":`);
    if (keyValueOpenings.size < KEY_OPENINGS_KEPT) keyValueOpenings.set(key, opening);
  }
  return opening;
}

/** `{"key":…,"value":…}`. */
function writeKeyValue(key: string, value: unknown, out: JsonBytes): void {
  out.bytes(keyValueOpening(key));
  writeAnyValue(value, out);
  out.ascii('}');
}

/** What every attribute value starts with, by type: encoded once, copied for each attribute. */
const STRING_VALUE = Buffer.from('{"stringValue":');
const INT_VALUE = Buffer.from('{"intValue":');
const DOUBLE_VALUE = Buffer.from('{"doubleValue":');
const TRUE_VALUE = Buffer.from('{"boolValue":true}');
const FALSE_VALUE = Buffer.from('{"boolValue":false}');

function writeAnyValue(value: unknown, out: JsonBytes): void {
  switch (typeof value) {
    case 'string':
      out.bytes(STRING_VALUE);
      out.string(value);
      out.ascii('}');
      return;
    case 'number':
      out.bytes(Number.isInteger(value) ? INT_VALUE : DOUBLE_VALUE);
      out.number(value);
      out.ascii('}');
      return;
    case 'boolean':
      out.bytes(value ? TRUE_VALUE : FALSE_VALUE);
      return;
  }
  if (value instanceof Uint8Array) {
    out.ascii(`{"bytesValue":"${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}"}`);
  } else if (Array.isArray(value)) {
    out.ascii('{"arrayValue":{"values":[');
    writeEach(value as unknown[], writeAnyValue, out);
    out.ascii(']}}');
  } else if (typeof value === 'object' && value !== null) {
    out.ascii('{"kvlistValue":{"values":[');
    let first = true;
    for (const key of Object.keys(value)) {
      if (!first) out.ascii(',');
      first = false;
      writeKeyValue(key, (value as Record<string, unknown>)[key], out);
    }
    out.ascii(']}}');
  } else {
    out.ascii('{}');
  }
}
