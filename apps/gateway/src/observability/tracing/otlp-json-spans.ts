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

/** The fixed pieces of a span's JSON, encoded once. */
const piece = (json: string) => Buffer.from(json, 'latin1');
const SPAN_OPENING = piece('{"traceId":"');
const SPAN_ID = piece('","spanId":"');
const PARENT_SPAN_ID = piece('","parentSpanId":"');
const TRACE_STATE = piece('","traceState":');
const QUOTED_NAME = piece('","name":');
const NAME = piece(',"name":');
const KIND = piece(',"kind":');
const START_TIME = piece(',"startTimeUnixNano":"');
const END_TIME = piece('","endTimeUnixNano":"');
const ATTRIBUTES = piece('","attributes":[');
/** From the end of the attributes to the status code, for a span without events or dropped counts (the gateway's). */
const NOTHING_DROPPED_TO_STATUS = piece('],"droppedAttributesCount":0,"events":[],"droppedEventsCount":0,"status":{"code":');
const DROPPED_ATTRIBUTES = piece('],"droppedAttributesCount":');
const EVENTS = piece(',"events":[');
const DROPPED_EVENTS = piece('],"droppedEventsCount":');
const STATUS = piece(',"status":{"code":');
const STATUS_MESSAGE = piece(',"message":');
const NO_LINKS_TO_FLAGS = piece('},"links":[],"droppedLinksCount":0,"flags":');
const LINKS = piece('},"links":[');
const DROPPED_LINKS = piece('],"droppedLinksCount":');
const FLAGS = piece(',"flags":');
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACKET = 0x5b;

/** One span, as an element of a scope's `spans` array. */
export function writeSpan(span: ReadableSpan, out: JsonBytes): void {
  // Constant pieces are copied from bytes encoded once, numbers written digit by digit: per span, only the ids and the
  // attribute values are read character by character.
  const context = span.spanContext();
  const parent = span.parentSpanContext;
  const { status, events, links } = span;
  out.bytes(SPAN_OPENING);
  out.ascii(context.traceId);
  out.bytes(SPAN_ID);
  out.ascii(context.spanId);
  if (parent?.spanId) {
    out.bytes(PARENT_SPAN_ID);
    out.ascii(parent.spanId);
  }
  const traceState = context.traceState?.serialize();
  if (traceState === undefined) out.bytes(QUOTED_NAME);
  else {
    out.bytes(TRACE_STATE);
    out.string(traceState);
    out.bytes(NAME);
  }
  out.string(span.name);
  out.bytes(KIND);
  out.number(span.kind == null ? 0 : span.kind + 1);
  out.bytes(START_TIME);
  writeNanos(span.startTime, out);
  out.bytes(END_TIME);
  writeNanos(span.endTime, out);
  out.bytes(ATTRIBUTES);
  writeAttributeList(span.attributes, out);
  if (span.droppedAttributesCount === 0 && events.length === 0 && span.droppedEventsCount === 0) out.bytes(NOTHING_DROPPED_TO_STATUS);
  else {
    out.bytes(DROPPED_ATTRIBUTES);
    out.number(span.droppedAttributesCount);
    out.bytes(EVENTS);
    writeEach(events, writeEvent, out);
    out.bytes(DROPPED_EVENTS);
    out.number(span.droppedEventsCount);
    out.bytes(STATUS);
  }
  out.number(status.code);
  if (status.message !== undefined) {
    out.bytes(STATUS_MESSAGE);
    out.string(status.message);
  }
  if (links.length === 0 && span.droppedLinksCount === 0) out.bytes(NO_LINKS_TO_FLAGS);
  else {
    out.bytes(LINKS);
    writeEach(links, writeLink, out);
    out.bytes(DROPPED_LINKS);
    out.number(span.droppedLinksCount);
    out.bytes(FLAGS);
  }
  out.number(flagsOf(context, parent?.isRemote));
  out.byte(CLOSE_BRACE);
}

/** Items of a JSON array, comma-separated. */
function writeEach<T>(items: readonly T[], write: (item: T, out: JsonBytes) => void, out: JsonBytes): void {
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.byte(COMMA);
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

/** The same digits as nanosOf, written without making the string (beyond 2^53 ns, so not as one number). */
function writeNanos([seconds, nanos]: HrTime, out: JsonBytes): void {
  const wholeSeconds = Math.trunc(seconds);
  const wholeNanos = Math.trunc(nanos);
  if (wholeSeconds <= 0 || wholeNanos < 0 || !Number.isSafeInteger(wholeSeconds)) {
    out.ascii(nanosOf([seconds, nanos]));
    return;
  }
  out.digits(wholeSeconds, 1);
  out.digits(wholeNanos, 9);
}

function writeAttributes(attributes: Attributes, out: JsonBytes): void {
  out.byte(OPEN_BRACKET);
  writeAttributeList(attributes, out);
  out.byte(CLOSE_BRACKET);
}

/** The attributes as KeyValues, comma-separated, without the brackets. */
function writeAttributeList(attributes: Attributes, out: JsonBytes): void {
  let first = true;
  for (const key in attributes) {
    if (!first) out.byte(COMMA);
    first = false;
    writeKeyValue(key, attributes[key], out);
  }
}

/** `{"key":…,"value":` for one attribute key, with the opening of each kind of value it most often has. */
interface KeyValueOpenings {
  any: Buffer;
  string: Buffer;
  int: Buffer;
  double: Buffer;
  /**
   * Whole key-values (`{"key":…,"value":{"stringValue":…}}`) for the first string values seen under this key. Most of
   * a span's strings repeat from span to span (names from the config, the operation, the route), and one copy of
   * bytes encoded once is cheaper than writing the opening and the value character by character.
   */
  strings: Map<string, Buffer>;
}

const KEY_OPENINGS_KEPT = 1_000;
/** Values kept per key: enough for a gateway's providers, models and keys; a key whose values never repeat (ids) fills up and stops there. */
const STRINGS_KEPT_PER_KEY = 32;
/** Longer values are written each time (and not hashed to be looked up). */
const LONGEST_KEPT_STRING = 128;
const keyValueOpenings = new Map<string, KeyValueOpenings>();

/** The openings for an attribute key, as UTF-8. The gateway's keys are few and fixed; each is encoded once. */
function keyValueOpeningsOf(key: string): KeyValueOpenings {
  let openings = keyValueOpenings.get(key);
  if (openings === undefined) {
    const any = `{"key":${JSON.stringify(key)},"value":`;
    openings = {
      any: Buffer.from(any),
      string: Buffer.from(`${any}{"stringValue":`),
      int: Buffer.from(`${any}{"intValue":`),
      double: Buffer.from(`${any}{"doubleValue":`),
      strings: new Map(),
    };
    if (keyValueOpenings.size < KEY_OPENINGS_KEPT) keyValueOpenings.set(key, openings);
  }
  return openings;
}

/** `{"key":…,"value":…}`. */
function writeKeyValue(key: string, value: unknown, out: JsonBytes): void {
  const openings = keyValueOpeningsOf(key);
  switch (typeof value) {
    case 'string':
      writeStringKeyValue(openings, value, out);
      return;
    case 'number':
      out.bytes(Number.isInteger(value) ? openings.int : openings.double);
      out.number(value);
      out.byte(CLOSE_BRACE);
      break;
    default:
      out.bytes(openings.any);
      writeAnyValue(value, out);
  }
  out.byte(CLOSE_BRACE);
}

function writeStringKeyValue(openings: KeyValueOpenings, value: string, out: JsonBytes): void {
  if (value.length <= LONGEST_KEPT_STRING) {
    let whole = openings.strings.get(value);
    if (whole === undefined && openings.strings.size < STRINGS_KEPT_PER_KEY) {
      // JSON.stringify writes what JsonBytes.string writes: the same characters escaped, the rest as UTF-8.
      whole = Buffer.concat([openings.string, Buffer.from(`${JSON.stringify(value)}}}`)]);
      openings.strings.set(value, whole);
    }
    if (whole !== undefined) {
      out.bytes(whole);
      return;
    }
  }
  out.bytes(openings.string);
  out.string(value);
  out.byte(CLOSE_BRACE);
  out.byte(CLOSE_BRACE);
}

/** What every attribute value starts with, by type: encoded once, copied for each attribute. */
const STRING_VALUE = piece('{"stringValue":');
const INT_VALUE = piece('{"intValue":');
const DOUBLE_VALUE = piece('{"doubleValue":');
const TRUE_VALUE = piece('{"boolValue":true}');
const FALSE_VALUE = piece('{"boolValue":false}');

const ARRAY_VALUE = piece('{"arrayValue":{"values":[');
const KVLIST_VALUE = piece('{"kvlistValue":{"values":[');
const END_OF_LIST_VALUE = piece(']}}');

function writeAnyValue(value: unknown, out: JsonBytes): void {
  switch (typeof value) {
    case 'string':
      out.bytes(STRING_VALUE);
      out.string(value);
      out.byte(CLOSE_BRACE);
      return;
    case 'number':
      out.bytes(Number.isInteger(value) ? INT_VALUE : DOUBLE_VALUE);
      out.number(value);
      out.byte(CLOSE_BRACE);
      return;
    case 'boolean':
      out.bytes(value ? TRUE_VALUE : FALSE_VALUE);
      return;
  }
  if (value instanceof Uint8Array) {
    out.ascii(`{"bytesValue":"${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}"}`);
  } else if (Array.isArray(value)) {
    out.bytes(ARRAY_VALUE);
    writeEach(value as unknown[], writeAnyValue, out);
    out.bytes(END_OF_LIST_VALUE);
  } else if (typeof value === 'object' && value !== null) {
    out.bytes(KVLIST_VALUE);
    let first = true;
    for (const key of Object.keys(value)) {
      if (!first) out.byte(COMMA);
      first = false;
      writeKeyValue(key, (value as Record<string, unknown>)[key], out);
    }
    out.bytes(END_OF_LIST_VALUE);
  } else {
    out.ascii('{}');
  }
}
