import { type Attributes, type AttributeValue, type HrTime, type Link, type SpanContext } from '@opentelemetry/api';
import { type InstrumentationScope } from '@opentelemetry/core';
import { type ReadableSpan, type TimedEvent } from '@opentelemetry/sdk-trace-base';

/*
 * OTLP/HTTP JSON for finished spans, written as strings: the same document as the SDK's JsonTraceSerializer (a test
 * holds the two equal) without its object tree per attribute and BigInt arithmetic per timestamp. A span is encoded
 * when it ends, so only bytes wait for the export and the span object dies young.
 */

const HAS_IS_REMOTE = 0x100;
const IS_REMOTE = 0x200;

export type SpanResource = ReadableSpan['resource'];

/** What comes before the scopes of one resource: `{"resource":…,"scopeSpans":[`. */
export function openResourceSpans(resource: SpanResource): string {
  return `{"resource":{"attributes":${attributesJson(resource.attributes)},"droppedAttributesCount":0${schemaUrlOf(resource)}},"scopeSpans":[`;
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
export function spanJson(span: ReadableSpan): string {
  const context = span.spanContext();
  const parent = span.parentSpanContext;
  const { status } = span;
  let json = `{"traceId":"${context.traceId}","spanId":"${context.spanId}"`;
  if (parent?.spanId) json += `,"parentSpanId":"${parent.spanId}"`;
  const traceState = context.traceState?.serialize();
  if (traceState !== undefined) json += `,"traceState":${JSON.stringify(traceState)}`;
  json +=
    `,"name":${jsonString(span.name)},"kind":${span.kind == null ? 0 : span.kind + 1}` +
    `,"startTimeUnixNano":"${nanosOf(span.startTime)}","endTimeUnixNano":"${nanosOf(span.endTime)}"` +
    `,"attributes":${attributesJson(span.attributes)},"droppedAttributesCount":${span.droppedAttributesCount}` +
    `,"events":[${span.events.map(eventJson).join(',')}],"droppedEventsCount":${span.droppedEventsCount}` +
    `,"status":{"code":${status.code}${status.message === undefined ? '' : `,"message":${JSON.stringify(status.message)}`}}` +
    `,"links":[${span.links.map(linkJson).join(',')}],"droppedLinksCount":${span.droppedLinksCount}` +
    `,"flags":${flagsOf(context, parent?.isRemote)}}`;
  return json;
}

function eventJson(event: TimedEvent): string {
  const attributes = event.attributes ? attributesJson(event.attributes) : '[]';
  return `{"attributes":${attributes},"name":${JSON.stringify(event.name)},"timeUnixNano":"${nanosOf(event.time)}","droppedAttributesCount":${event.droppedAttributesCount ?? 0}}`;
}

function linkJson(link: Link): string {
  const { context } = link;
  const attributes = link.attributes ? attributesJson(link.attributes) : '[]';
  const traceState = context.traceState?.serialize();
  return (
    `{"attributes":${attributes},"spanId":"${context.spanId}","traceId":"${context.traceId}"` +
    (traceState === undefined ? '' : `,"traceState":${JSON.stringify(traceState)}`) +
    `,"droppedAttributesCount":${link.droppedAttributesCount ?? 0},"flags":${flagsOf(context, context.isRemote)}}`
  );
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

function attributesJson(attributes: Attributes): string {
  const keys = Object.keys(attributes);
  let json = '[';
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) json += ',';
    json += keyValueOpening(keys[i]!);
    json += anyValueJson(attributes[keys[i]!]);
    json += '}';
  }
  return json + ']';
}

const KEY_OPENINGS_KEPT = 1_000;
const keyValueOpenings = new Map<string, string>();

/** `{"key":…,"value":` for an attribute key. The gateway's keys are few and fixed; their JSON is made once. */
function keyValueOpening(key: string): string {
  let opening = keyValueOpenings.get(key);
  if (opening === undefined) {
    opening = `{"key":${JSON.stringify(key)},"value":`;
    if (keyValueOpenings.size < KEY_OPENINGS_KEPT) keyValueOpenings.set(key, opening);
  }
  return opening;
}

function anyValueJson(value: AttributeValue | Uint8Array | Record<string, unknown> | null | undefined): string {
  switch (typeof value) {
    case 'string':
      return `{"stringValue":${jsonString(value)}}`;
    case 'number':
      if (!Number.isInteger(value)) return `{"doubleValue":${Number.isFinite(value) ? String(value) : 'null'}}`;
      return `{"intValue":${value}}`;
    case 'boolean':
      return `{"boolValue":${value}}`;
  }
  if (value instanceof Uint8Array) return `{"bytesValue":"${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}"}`;
  if (Array.isArray(value)) return `{"arrayValue":{"values":[${value.map((item) => anyValueJson(item as AttributeValue)).join(',')}]}}`;
  if (typeof value === 'object' && value !== null) {
    const values = Object.keys(value).map((key) => `${keyValueOpening(key)}${anyValueJson(value[key] as AttributeValue)}}`);
    return `{"kvlistValue":{"values":[${values.join(',')}]}}`;
  }
  return '{}';
}

// eslint-disable-next-line no-control-regex -- the control characters are what JSON must escape
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal; most attribute keys and values need no escaping, and a test is cheaper than JSON.stringify. */
function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}
