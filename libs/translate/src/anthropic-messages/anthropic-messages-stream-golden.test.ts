import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SseDecoder, type SseEvent, encodeSseEvent } from '@gatehouse/sse';
import { describe, expect, it } from 'vitest';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError, type GatewayErrorCode } from '../gateway-error';
import { AnthropicMessagesStreamDecoder } from './anthropic-messages-stream-decoder';
import { AnthropicMessagesStreamEncoder } from './anthropic-messages-stream-encoder';

// Goldens: each upstream fixture `<case>.sse` → `<case>.canonical.json` (canonical events and the usage record) and
// `<case>.client.sse` (what an Anthropic client gets back); each `canonical-inputs/<case>.json` → `<case>.client.sse`.
// Regenerate with UPDATE_GOLDENS=1 and review the diff; golden updates go in a commit of their own.

const fixturesDir = fileURLToPath(new URL('../../fixtures/anthropic-messages/', import.meta.url));
const canonicalInputsDir = `${fixturesDir}canonical-inputs/`;
const updating = process.env.UPDATE_GOLDENS === '1';
const sseFixtures = readdirSync(fixturesDir).filter((name) => name.endsWith('.sse') && !name.endsWith('.client.sse') && !name.includes('.to-'));
const canonicalInputs = readdirSync(canonicalInputsDir).filter((name) => name.endsWith('.json'));

function pinnedContext(): TranslationContext {
  let counter = 0;
  return { now: () => 1_767_225_600_000, newId: (prefix) => `${prefix}_gatehouse${String(++counter).padStart(4, '0')}`, requestModel: 'claude-sonnet-4-5' };
}

function expectGolden(path: string, actual: string): void {
  if (updating || !existsSync(path)) {
    if (!updating) throw new Error(`missing golden ${path}: run with UPDATE_GOLDENS=1`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** Bytes → SSE events → canonical events, the bytes cut at `cuts`. */
function decodeFixture(bytes: Uint8Array, cuts: number[] = []): CanonicalStreamEvent[] {
  const sse = new SseDecoder();
  const decoder = new AnthropicMessagesStreamDecoder();
  const out: CanonicalStreamEvent[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    for (const event of sse.push(bytes.subarray(start, cut))) out.push(...decoder.push(event));
    start = cut;
  }
  for (const event of sse.end()) out.push(...decoder.push(event));
  out.push(...decoder.end());
  return out;
}

function plainEvent(event: CanonicalStreamEvent): unknown {
  if (event.type !== 'error') return event;
  const { code, status, retryable, message, upstreamType, retryAfter } = event.error;
  return { type: 'error', error: { code, status, retryable, message, upstreamType, retryAfter } };
}

function encodeForClient(events: CanonicalStreamEvent[]): { sse: string; encoder: AnthropicMessagesStreamEncoder } {
  const encoder = new AnthropicMessagesStreamEncoder(pinnedContext());
  const frames: SseEvent[] = [];
  for (const event of events) frames.push(...encoder.push(event));
  frames.push(...encoder.end());
  return { sse: frames.map(encodeSseEvent).join(''), encoder };
}

/** A small seeded generator (mulberry32), so that a failing split can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Anthropic upstream fixtures', () => {
  it('covers the cases the gateway relies on', () => {
    expect(sseFixtures).toEqual(
      expect.arrayContaining([
        'text-with-ping.sse',
        'tool-use.sse',
        'thinking-then-text.sse',
        'text-then-two-tool-uses.handmade.sse',
        'overloaded-error-mid-stream.handmade.sse',
        'max-tokens.handmade.sse',
        'cache-usage.handmade.sse',
      ]),
    );
  });

  it.each(sseFixtures)('%s decodes to its canonical golden and re-encodes to its client golden', (name) => {
    const events = decodeFixture(readFileSync(`${fixturesDir}${name}`));
    const { sse, encoder } = encodeForClient(events);
    const base = name.slice(0, -'.sse'.length);
    expectGolden(`${fixturesDir}${base}.canonical.json`, JSON.stringify({ events: events.map(plainEvent), usage: encoder.usage }, null, 2) + '\n');
    expectGolden(`${fixturesDir}${base}.client.sse`, sse);
  });

  it.each(sseFixtures)('%s gives the same events however the bytes are split', (name) => {
    const bytes = readFileSync(`${fixturesDir}${name}`);
    const whole = decodeFixture(bytes);
    const random = seededRandom(name.length * 7919);
    for (let round = 0; round < 40; round++) {
      const cuts = Array.from({ length: 1 + Math.floor(random() * 12) }, () => Math.floor(random() * bytes.length)).sort((a, b) => a - b);
      expect(decodeFixture(bytes, cuts), `cuts ${cuts.join(',')}`).toEqual(whole);
    }
    // Every single cut position too, which reaches inside each multi-byte character and each line ending.
    for (let cut = 1; cut < bytes.length; cut++) expect(decodeFixture(bytes, [cut])).toEqual(whole);
  });
});

type PlainInput = Exclude<CanonicalStreamEvent, { type: 'error' }> | { type: 'error'; error: { code: GatewayErrorCode; message: string; retryAfter?: number } };

describe('canonical inputs for an Anthropic client', () => {
  it.each(canonicalInputs)('%s encodes to its client golden', (name) => {
    const plain = JSON.parse(readFileSync(`${canonicalInputsDir}${name}`, 'utf8')) as PlainInput[];
    const events = plain.map((event): CanonicalStreamEvent =>
      event.type === 'error'
        ? { type: 'error', error: new GatewayError(event.error.code, event.error.message, { retryAfter: event.error.retryAfter }) }
        : event,
    );
    const { sse } = encodeForClient(events);
    expectGolden(`${canonicalInputsDir}${name.slice(0, -'.json'.length)}.client.sse`, sse);
  });
});
