import { type SseEvent } from '@gatehouse/sse';
import { describe, expect, it } from 'vitest';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { AnthropicMessagesStreamEncoder } from './anthropic-messages-stream-encoder';

const ctx = (): TranslationContext => {
  let counter = 0;
  return { now: () => 0, newId: (prefix) => `${prefix}_${++counter}`, requestModel: 'claude-sonnet-4-5' };
};

type Payload = Record<string, unknown> & { type: string; index?: number };
const payloads = (frames: SseEvent[]): Payload[] => frames.map((frame) => JSON.parse(frame.data) as Payload);

function run(events: CanonicalStreamEvent[]): { frames: SseEvent[]; encoder: AnthropicMessagesStreamEncoder } {
  const encoder = new AnthropicMessagesStreamEncoder(ctx());
  const frames = events.flatMap((event) => encoder.push(event));
  return { frames: [...frames, ...encoder.end()], encoder };
}

/** Checks what an Anthropic client relies on: one open block at a time, indexes 0, 1, 2, ... in order of opening. */
function expectWellFormed(frames: SseEvent[]): void {
  let open: number | undefined;
  let next = 0;
  for (const frame of frames) {
    const payload = JSON.parse(frame.data) as Payload;
    expect(frame.event).toBe(payload.type);
    if (payload.type === 'content_block_start') {
      expect(open).toBeUndefined();
      expect(payload.index).toBe(next++);
      open = payload.index;
    } else if (payload.type === 'content_block_delta') {
      expect(payload.index).toBe(open);
    } else if (payload.type === 'content_block_stop') {
      expect(payload.index).toBe(open);
      open = undefined;
    } else if (payload.type === 'message_delta') {
      expect(open).toBeUndefined();
    }
  }
}

/** A small seeded generator (mulberry32). */
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

describe('AnthropicMessagesStreamEncoder', () => {
  it('keeps blocks well-formed for text and text deltas interleaved with several tool calls', () => {
    const random = seededRandom(42);
    for (let round = 0; round < 200; round++) {
      const events: CanonicalStreamEvent[] = [{ type: 'start', id: 'x', model: 'm' }, { type: 'block_start', index: 0, block: { type: 'text' } }];
      const toolCount = 1 + Math.floor(random() * 4);
      let opened = 0;
      for (let step = 0; step < 30; step++) {
        const choice = random();
        if (choice < 0.2 && opened < toolCount) {
          opened++;
          events.push({ type: 'block_start', index: opened, block: { type: 'tool_call', id: `call_${opened}`, name: 'f' } });
        } else if (choice < 0.6 || opened === 0) {
          events.push({ type: 'text_delta', index: 0, text: `t${step}` });
        } else {
          // Arguments only for the newest call: upstreams stream each call's arguments before the next call starts.
          events.push({ type: 'tool_arguments_delta', index: opened, json: `{"s":${step}}` });
        }
      }
      for (let index = 0; index <= opened; index++) events.push({ type: 'block_stop', index });
      events.push({ type: 'stop', stopReason: 'end_turn' }, { type: 'end' });

      const { frames } = run(events);
      expectWellFormed(frames);
      const all = payloads(frames);
      const text = all
        .filter((payload) => payload.type === 'content_block_delta' && (payload.delta as Payload).type === 'text_delta')
        .map((payload) => (payload.delta as { text: string }).text)
        .join('');
      const expectedText = events.flatMap((event) => (event.type === 'text_delta' ? [event.text] : [])).join('');
      expect(text).toBe(expectedText);
      const stop = all.find((payload) => payload.type === 'message_delta')!;
      expect((stop.delta as Payload).stop_reason).toBe(opened > 0 ? 'tool_use' : 'end_turn');
      expect(all[all.length - 1]!.type).toBe('message_stop');
    }
  });

  it('holds text that arrives inside an open tool call until the call closes, so the call stays whole', () => {
    const { frames } = run([
      { type: 'start', id: 'x', model: 'm' },
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'call_a', name: 'f' } },
      { type: 'tool_arguments_delta', index: 0, json: '{"a":' },
      { type: 'block_start', index: 1, block: { type: 'text' } },
      { type: 'text_delta', index: 1, text: 'note' },
      { type: 'tool_arguments_delta', index: 0, json: '1}' },
      { type: 'block_stop', index: 0 },
      { type: 'text_delta', index: 1, text: ' more' },
      { type: 'block_stop', index: 1 },
      { type: 'stop', stopReason: 'tool_use' },
      { type: 'end' },
    ]);
    expectWellFormed(frames);
    expect(payloads(frames).slice(1, -2)).toEqual([
      { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'call_a', name: 'f', input: {} } },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"a":' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '1}' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'note' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: ' more' } },
      { type: 'content_block_stop', index: 1 },
    ]);
  });

  it('ends with an error instead of reopening a tool call that got more arguments after it closed', () => {
    const { frames } = run([
      { type: 'start', id: 'x', model: 'm' },
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'call_a', name: 'f' } },
      { type: 'tool_arguments_delta', index: 0, json: '{"a":' },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'call_b', name: 'f' } },
      { type: 'tool_arguments_delta', index: 0, json: '1}' },
      { type: 'end' },
    ]);
    const all = payloads(frames);
    expect(all.map((payload) => payload.type)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'error',
    ]);
    expect(all[all.length - 1]).toEqual({ type: 'error', error: { type: 'api_error', message: 'tool call arguments arrived after the tool call closed' } });
  });

  it('sends message_start once, with the start usage, and the final usage in message_delta', () => {
    const { frames, encoder } = run([
      { type: 'start', id: 'x', model: 'm', usage: { inputTokens: 100, cacheReadTokens: 60, cacheWriteTokens: 10, outputTokens: 1 } },
      { type: 'start', id: 'x', model: 'm' },
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'text_delta', index: 0, text: 'Hi' },
      { type: 'usage', usage: { outputTokens: 9 } },
      { type: 'stop', stopReason: 'stop_sequence', stopSequence: 'END' },
      { type: 'end' },
    ]);
    const all = payloads(frames);
    expect(all.filter((payload) => payload.type === 'message_start')).toHaveLength(1);
    expect((all[0]!.message as Payload).usage).toEqual({ input_tokens: 30, output_tokens: 1, cache_creation_input_tokens: 10, cache_read_input_tokens: 60 });
    expect(all.find((payload) => payload.type === 'message_delta')).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'stop_sequence', stop_sequence: 'END' },
      usage: { input_tokens: 30, output_tokens: 9, cache_creation_input_tokens: 10, cache_read_input_tokens: 60 },
    });
    expect(encoder.usage).toEqual({ inputTokens: 100, outputTokens: 9, cacheReadTokens: 60, cacheWriteTokens: 10, reasoningTokens: 0 });
  });

  it('sends only output_tokens in message_delta while the input count is unknown', () => {
    const { frames } = run([{ type: 'start', id: 'x', model: 'm' }, { type: 'usage', usage: { outputTokens: 4 } }, { type: 'end' }]);
    expect(payloads(frames).find((payload) => payload.type === 'message_delta')!.usage).toEqual({ output_tokens: 4 });
  });

  it('sends message_start before content even without a start event', () => {
    const { frames } = run([{ type: 'block_start', index: 0, block: { type: 'text' } }, { type: 'text_delta', index: 0, text: 'a' }, { type: 'end' }]);
    expect(payloads(frames).map((payload) => payload.type)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('renders an error as event: error with the Anthropic body, then stays silent', () => {
    const encoder = new AnthropicMessagesStreamEncoder(ctx());
    encoder.push({ type: 'start', id: 'x', model: 'm' });
    const frames = encoder.push({ type: 'error', error: new GatewayError('overloaded', 'Overloaded', { status: 529 }) });
    expect(frames).toEqual([{ event: 'error', data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' }]);
    expect(encoder.push({ type: 'end' })).toEqual([]);
    expect(encoder.end()).toEqual([]);
  });

  it('reports a stream that ended without its end event', () => {
    const encoder = new AnthropicMessagesStreamEncoder(ctx());
    encoder.push({ type: 'start', id: 'x', model: 'm' });
    expect(payloads(encoder.end())).toEqual([{ type: 'error', error: { type: 'api_error', message: 'the upstream stream ended early' } }]);
  });

  it('writes every delta out at once', () => {
    const encoder = new AnthropicMessagesStreamEncoder(ctx());
    encoder.push({ type: 'start', id: 'x', model: 'm' });
    encoder.push({ type: 'block_start', index: 0, block: { type: 'thinking' } });
    expect(payloads(encoder.push({ type: 'thinking_delta', index: 0, text: 'hmm' }))).toEqual([
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } },
    ]);
    expect(payloads(encoder.push({ type: 'signature_delta', index: 0, signature: 'sig' }))).toEqual([
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig' } },
    ]);
  });
});
