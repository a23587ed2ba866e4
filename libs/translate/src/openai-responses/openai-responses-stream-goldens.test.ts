import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SseDecoder, encodeSseEvent, type SseEvent } from '@gatehouse/sse';
import { openAIResponsesStreamEventSchema } from '@gatehouse/wire';
import { Stream } from 'openai/core/streaming';
import { ResponseStream } from 'openai/lib/responses/ResponseStream';
import { describe, expect, it } from 'vitest';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError, type GatewayErrorCode } from '../gateway-error';
import { OpenAIResponsesStreamDecoder } from './openai-responses-stream-decoder';
import { OpenAIResponsesStreamEncoder } from './openai-responses-stream-encoder';

// Golden files: each upstream stream fixture (`<case>.sse`, in the documented wire format) has its canonical events
// (`<case>.canonical.json`) and what a Responses client gets back from them (`<case>.openai-responses.json`);
// canonical streams as other upstreams produce them (`from-canonical/<case>.events.json`) have their Responses
// output beside them. `UPDATE_GOLDENS=1` rewrites the goldens. Every client stream is also read by the official
// openai SDK's stream helper, as `client.responses.stream(...)` reads it.
const fixturesRoot = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const fixtures = join(fixturesRoot, 'openai-responses');
const fromCanonical = join(fixtures, 'from-canonical');
const updating = process.env.UPDATE_GOLDENS === '1';

// Upstream fixtures only: `<case>.sse` or `<case>.handmade.sse`, not translated goldens such as `<case>.to-openai-chat.sse`.
const streamFixtures = readdirSync(fixtures).filter((name) => /^[^.]+(\.handmade)?\.sse$/.test(name)).sort();
const canonicalInputs = readdirSync(fromCanonical).filter((name) => name.endsWith('.events.json')).sort();

function pinnedContext(): TranslationContext {
  let next = 0;
  return { now: () => 1_754_985_600_000, newId: (prefix) => `${prefix}_golden${next++}`, requestModel: 'client-model' };
}

type ErrorRecord = { code: GatewayErrorCode; message: string } & Record<string, unknown>;
type EventRecord = Exclude<CanonicalStreamEvent, { type: 'error' }> | { type: 'error'; error: ErrorRecord };

function recordOf(event: CanonicalStreamEvent): EventRecord {
  if (event.type !== 'error') return event;
  const { code, message, status, retryable, upstreamType, param } = event.error;
  return { type: 'error', error: JSON.parse(JSON.stringify({ code, message, status, retryable, upstreamType, param })) };
}

function eventOf(record: EventRecord): CanonicalStreamEvent {
  if (record.type !== 'error') return record;
  const { code, message, ...options } = record.error;
  return { type: 'error', error: new GatewayError(code, message, options) };
}

function decodeSse(chunks: (string | Uint8Array)[]) {
  const sse = new SseDecoder();
  const decoder = new OpenAIResponsesStreamDecoder();
  const events: CanonicalStreamEvent[] = [];
  for (const chunk of chunks) for (const event of sse.push(chunk)) events.push(...decoder.push(event));
  for (const event of sse.end()) events.push(...decoder.push(event));
  events.push(...decoder.end());
  return { events, usage: decoder.usage };
}

function encodeForClient(events: CanonicalStreamEvent[]) {
  const encoder = new OpenAIResponsesStreamEncoder(pinnedContext());
  const out: SseEvent[] = [];
  for (const event of events) out.push(...encoder.push(event));
  out.push(...encoder.end());
  return { out, encoder };
}

/** What a Responses client reads: the `event:` lines with their parsed data, for readable goldens. */
const readable = (out: SseEvent[]) => out.map((event) => ({ event: event.event, data: JSON.parse(event.data) as unknown }));

/**
 * Reads the client stream with the official SDK as `client.responses.stream(...)` does: its SSE parser (which throws
 * on error payloads), then its stream helper, which accumulates the events into the final response.
 */
async function readWithSdk(out: SseEvent[]) {
  const sse = new Response(out.map(encodeSseEvent).join(''), { headers: { 'content-type': 'text/event-stream' } });
  const events = Stream.fromSSEResponse(sse, new AbortController());
  const stream = ResponseStream.fromReadableStream(events.toReadableStream());
  const types: string[] = [];
  for await (const event of stream) types.push(event.type);
  return { types, response: await stream.finalResponse() };
}

function matchGolden(path: string, actual: unknown): void {
  if (updating || !existsSync(path)) {
    if (!updating) throw new Error(`missing golden ${path}; run with UPDATE_GOLDENS=1 and review it`);
    writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
  }
  expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

/** A small seeded generator, so that a failing split can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function splitAt(bytes: Uint8Array, random: () => number): Uint8Array[] {
  const cuts = new Set<number>();
  const count = 1 + Math.floor(random() * 24);
  for (let i = 0; i < count; i++) cuts.add(1 + Math.floor(random() * (bytes.length - 1)));
  const points = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
  return points.slice(1).map((end, i) => bytes.subarray(points[i], end));
}

/** The client stream follows the wire contract: known event shapes, `event:` = type, sequence numbers 0, 1, 2, … */
function expectWellFormed(out: SseEvent[]): void {
  out.forEach((event, index) => {
    const data = JSON.parse(event.data) as { type: string; sequence_number: number };
    expect(event.event).toBe(data.type);
    expect(data.sequence_number).toBe(index);
    const parsed = openAIResponsesStreamEventSchema.safeParse(data);
    expect(parsed.success, `${data.type}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
  });
}

describe('OpenAI Responses stream goldens', () => {
  it('has the fixtures this suite is about', () => {
    expect(streamFixtures.length).toBeGreaterThanOrEqual(10);
    expect(canonicalInputs.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(streamFixtures)('%s', (name) => {
    const base = join(fixtures, name.replace(/\.sse$/, ''));
    const bytes = new Uint8Array(readFileSync(join(fixtures, name)));

    it('decodes to the golden canonical events and usage', () => {
      const { events, usage } = decodeSse([bytes]);
      matchGolden(`${base}.canonical.json`, { events: events.map(recordOf), usage });
    });

    it('re-encodes for a Responses client as the golden events, which the official SDK reads', async () => {
      const { out } = encodeForClient(decodeSse([bytes]).events);
      matchGolden(`${base}.openai-responses.json`, readable(out));
      expectWellFormed(out);
      const { types } = await readWithSdk(out);
      expect(types).toEqual(out.map((event) => event.event));
    });

    it('decodes the same whatever the chunk boundaries', () => {
      const whole = decodeSse([bytes]).events.map(recordOf);
      const seed = [...name].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) >>> 0;
      const random = mulberry32(seed);
      for (let round = 0; round < 40; round++) {
        expect(decodeSse(splitAt(bytes, random)).events.map(recordOf), `seed ${seed}, round ${round}`).toEqual(whole);
      }
      const byteByByte = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
      expect(decodeSse(byteByByte).events.map(recordOf)).toEqual(whole);
    });
  });

  describe.each(canonicalInputs)('from-canonical/%s', (name) => {
    it('encodes for a Responses client as the golden events', async () => {
      const input = JSON.parse(readFileSync(join(fromCanonical, name), 'utf8')) as { events: EventRecord[] };
      const { out, encoder } = encodeForClient(input.events.map(eventOf));
      const golden = join(fromCanonical, name.replace(/\.events\.json$/, '.openai-responses.json'));
      matchGolden(golden, { events: readable(out), canonicalResponse: encoder.canonicalResponse });
      expectWellFormed(out);
      await readWithSdk(out);
    });
  });
});

/** Every canonical stream the other codecs' fixtures hold, as other upstreams produce them. */
function allCanonicalStreams(): [string, EventRecord[]][] {
  const streams: [string, EventRecord[]][] = [];
  for (const dialect of ['anthropic-messages', 'openai-chat', 'openai-responses']) {
    const folder = join(fixturesRoot, dialect);
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.canonical.json'))) {
      streams.push([`${dialect}/${name}`, (JSON.parse(readFileSync(join(folder, name), 'utf8')) as { events: EventRecord[] }).events]);
    }
    for (const sub of ['from-canonical', 'canonical-inputs']) {
      const subFolder = join(folder, sub);
      if (!existsSync(subFolder)) continue;
      for (const name of readdirSync(subFolder).filter((file) => /\.(events\.)?json$/.test(file) && !file.includes('.openai-'))) {
        const parsed = JSON.parse(readFileSync(join(subFolder, name), 'utf8')) as EventRecord[] | { events: EventRecord[] };
        streams.push([`${dialect}/${sub}/${name}`, Array.isArray(parsed) ? parsed : parsed.events]);
      }
    }
  }
  return streams;
}

describe('every canonical fixture stream, encoded for a Responses client', () => {
  it.each(allCanonicalStreams())('%s reads back through the official SDK with the same text and calls', async (_name, records) => {
    const events = records.map(eventOf);
    const { out } = encodeForClient(events);
    expectWellFormed(out);
    const { response } = await readWithSdk(out);

    // Only what reached the client before an error counts; the encoder ignores everything after it.
    const upToError = events.slice(0, events.findIndex((event) => event.type === 'error') + 1 || events.length);
    const text = upToError.flatMap((event) => (event.type === 'text_delta' ? [event.text] : [])).join('');
    expect(response.output_text).toBe(text);
    const calls = upToError.flatMap((event) => (event.type === 'block_start' && event.block.type === 'tool_call' ? [event] : []));
    const sdkCalls = response.output.filter((item) => item.type === 'function_call');
    expect(sdkCalls.map((call) => [call.call_id, call.name])).toEqual(
      calls.map((event) => [(event.block as { id: string }).id, (event.block as { name: string }).name]),
    );
    const failed = upToError.some((event) => event.type === 'error') || !events.some((event) => event.type === 'end');
    expect(response.status === 'failed').toBe(failed);
  });
});
