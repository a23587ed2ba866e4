import { type SseEvent } from '@gatehouse/sse';
import { describe, expect, it } from 'vitest';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { AnthropicMessagesStreamDecoder } from './anthropic-messages-stream-decoder';

const sse = (payload: { type: string } & Record<string, unknown>): SseEvent => ({ event: payload.type, data: JSON.stringify(payload) });
const messageStart = sse({
  type: 'message_start',
  message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, usage: { input_tokens: 5, output_tokens: 1 } },
});

function run(events: SseEvent[], ended = true): CanonicalStreamEvent[] {
  const decoder = new AnthropicMessagesStreamDecoder();
  const out = events.flatMap((event) => decoder.push(event));
  return ended ? [...out, ...decoder.end()] : out;
}

describe('AnthropicMessagesStreamDecoder', () => {
  it('ends with an error when the upstream closes before message_stop', () => {
    const out = run([messageStart, sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })]);
    const last = out[out.length - 1]!;
    expect(last.type).toBe('error');
    expect(last.type === 'error' && [last.error.code, last.error.retryable]).toEqual(['upstream', true]);
  });

  it('turns data that is not JSON into an error and ignores what follows', () => {
    const out = run([messageStart, { event: 'content_block_delta', data: '{"type": "content_bl' }, sse({ type: 'message_stop' })]);
    expect(out.map((event) => event.type)).toEqual(['start', 'error']);
  });

  it('closes open blocks and stops with end_turn when message_stop comes without message_delta', () => {
    const out = run([messageStart, sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: 'Hi' } }), sse({ type: 'message_stop' })]);
    expect(out.slice(1)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'text_delta', index: 0, text: 'Hi' },
      { type: 'block_stop', index: 0 },
      { type: 'stop', stopReason: 'end_turn' },
      { type: 'end' },
    ]);
  });

  it('reads redacted thinking, a tool input given whole in content_block_start, and a stop sequence', () => {
    const out = run([
      messageStart,
      sse({ type: 'content_block_start', index: 0, content_block: { type: 'redacted_thinking', data: 'EmwKAhgB' } }),
      sse({ type: 'content_block_stop', index: 0 }),
      sse({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_9', name: 'calc', input: { a: 1 } } }),
      sse({ type: 'content_block_stop', index: 1 }),
      sse({ type: 'message_delta', delta: { stop_reason: 'stop_sequence', stop_sequence: '###' }, usage: { output_tokens: 7 } }),
      sse({ type: 'message_stop' }),
    ]);
    expect(out.slice(1)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'redacted_thinking', data: 'EmwKAhgB' } },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'toolu_9', name: 'calc' } },
      { type: 'tool_arguments_delta', index: 1, json: '{"a":1}' },
      { type: 'block_stop', index: 1 },
      { type: 'usage', usage: { inputTokens: 5, outputTokens: 7, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } },
      { type: 'stop', stopReason: 'stop_sequence', stopSequence: '###' },
      { type: 'end' },
    ]);
  });

  it.each([
    ['pause_turn', { stopReason: 'pause_turn' }],
    ['refusal', { stopReason: 'refusal' }],
    ['model_context_window_exceeded', { stopReason: 'max_tokens', rawStopReason: 'model_context_window_exceeded' }],
    ['a_new_reason', { stopReason: 'other', rawStopReason: 'a_new_reason' }],
  ])('stop_reason %s', (stopReason, expected) => {
    const out = run([messageStart, sse({ type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 1 } })], false);
    expect(out.find((event) => event.type === 'stop')).toEqual({ type: 'stop', ...expected });
  });

  it('reads the reasoning count from output_tokens_details', () => {
    const out = run(
      [messageStart, sse({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 900, output_tokens_details: { thinking_tokens: 800 } } })],
      false,
    );
    expect(out.find((event) => event.type === 'usage')).toEqual({
      type: 'usage',
      usage: { inputTokens: 5, outputTokens: 900, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 800 },
    });
  });

  it('ignores unknown event types and deltas for unknown blocks', () => {
    const out = run(
      [messageStart, sse({ type: 'brand_new_event' }), sse({ type: 'content_block_delta', index: 4, delta: { type: 'text_delta', text: 'x' } })],
      false,
    );
    expect(out.map((event) => event.type)).toEqual(['start']);
  });
});
