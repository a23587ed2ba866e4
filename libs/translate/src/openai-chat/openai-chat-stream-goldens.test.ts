import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SseDecoder, type SseEvent } from '@gatehouse/sse';
import { describe, expect, it } from 'vitest';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError, type GatewayErrorCode } from '../gateway-error';
import { OpenAIChatStreamDecoder } from './openai-chat-stream-decoder';
import { OpenAIChatStreamEncoder, type OpenAIChatStreamEncoderOptions } from './openai-chat-stream-encoder';

// Golden files: each upstream stream fixture (`<case>.sse`) has its canonical events (`<case>.canonical.json`) and
// what an OpenAI client gets back from them (`<case>.openai-chat.json`); canonical inputs from other upstreams
// (`from-canonical/<case>.events.json`) have their OpenAI output beside them. `UPDATE_GOLDENS=1` rewrites them.
const fixtures = fileURLToPath(new URL('../../fixtures/openai-chat/', import.meta.url));
const fromCanonical = join(fixtures, 'from-canonical');
const updating = process.env.UPDATE_GOLDENS === '1';

const streamFixtures = readdirSync(fixtures).filter((name) => name.endsWith('.sse') && !name.includes('.to-')).sort();
const canonicalInputs = readdirSync(fromCanonical).filter((name) => name.endsWith('.events.json')).sort();

function pinnedContext(): TranslationContext {
  let next = 0;
  return { now: () => 1_754_985_600_000, newId: (prefix) => `${prefix}-golden${next++}`, requestModel: 'client-model' };
}

interface ErrorRecord {
  code: GatewayErrorCode;
  message: string;
  status: number;
  retryable: boolean;
  upstreamType?: string;
  upstreamStatus?: number;
}

type EventRecord = Exclude<CanonicalStreamEvent, { type: 'error' }> | { type: 'error'; error: ErrorRecord };

function recordOf(event: CanonicalStreamEvent): EventRecord {
  if (event.type !== 'error') return event;
  const { code, message, status, retryable, upstreamType, upstreamStatus } = event.error;
  return { type: 'error', error: JSON.parse(JSON.stringify({ code, message, status, retryable, upstreamType, upstreamStatus })) };
}

function eventOf(record: EventRecord): CanonicalStreamEvent {
  if (record.type !== 'error') return record;
  const { code, message, ...options } = record.error;
  return { type: 'error', error: new GatewayError(code, message, options) };
}

function decodeSse(chunks: (string | Uint8Array)[]) {
  const sse = new SseDecoder();
  const decoder = new OpenAIChatStreamDecoder({ newId: pinnedContext().newId });
  const events: CanonicalStreamEvent[] = [];
  for (const chunk of chunks) for (const event of sse.push(chunk)) events.push(...decoder.push(event));
  for (const event of sse.end()) events.push(...decoder.push(event));
  events.push(...decoder.end());
  return { events, usage: decoder.usage };
}

function encodeForClient(events: CanonicalStreamEvent[], options: OpenAIChatStreamEncoderOptions) {
  const encoder = new OpenAIChatStreamEncoder(pinnedContext(), options);
  const out: SseEvent[] = [];
  for (const event of events) out.push(...encoder.push(event));
  out.push(...encoder.end());
  // Parsed for readable goldens; encodeSseEvent frames exactly these data strings.
  return { chunks: out.map((event) => ({ data: event.data === '[DONE]' ? event.data : JSON.parse(event.data) })), usage: encoder.usage };
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

describe('OpenAI chat stream goldens', () => {
  it('has the fixtures this suite is about', () => {
    expect(streamFixtures.length).toBeGreaterThanOrEqual(10);
    expect(canonicalInputs.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(streamFixtures)('%s', (name) => {
    const base = join(fixtures, name.replace(/\.sse$/, ''));
    const bytes = new Uint8Array(readFileSync(join(fixtures, name)));

    it('decodes to the golden canonical events and usage', () => {
      const { events, usage } = decodeSse([bytes]);
      matchGolden(`${base}.canonical.json`, { events: events.map(recordOf), usage });
    });

    it('re-encodes for an OpenAI client as the golden chunks', () => {
      const { events } = decodeSse([bytes]);
      matchGolden(`${base}.openai-chat.json`, encodeForClient(events, { includeUsage: true }));
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
    it('encodes for an OpenAI client as the golden chunks', () => {
      const input = JSON.parse(readFileSync(join(fromCanonical, name), 'utf8')) as {
        options: OpenAIChatStreamEncoderOptions;
        events: EventRecord[];
      };
      const golden = join(fromCanonical, name.replace(/\.events\.json$/, '.openai-chat.json'));
      matchGolden(golden, encodeForClient(input.events.map(eventOf), input.options));
    });
  });
});
