import { type SseEvent } from '@gatehouse/sse';
import { describe, expect, it } from 'vitest';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { OpenAIChatStreamDecoder } from './openai-chat-stream-decoder';

// Hand-made chunks in the documented format: https://platform.openai.com/docs/api-reference/chat-streaming/streaming
const chunk = (delta: Record<string, unknown>, finishReason: string | null = null, extra: Record<string, unknown> = {}): SseEvent => ({
  data: JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...extra,
  }),
});
const toolDelta = (index: number, fields: Record<string, unknown>) => ({ tool_calls: [{ index, ...fields }] });
const usageChunk = (usage: Record<string, unknown>): SseEvent => ({
  data: JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], usage }),
});
const done: SseEvent = { data: '[DONE]' };

function run(events: SseEvent[], decoder = new OpenAIChatStreamDecoder()): CanonicalStreamEvent[] {
  return [...events.flatMap((event) => decoder.push(event)), ...decoder.end()];
}

const withoutStart = (events: CanonicalStreamEvent[]) => events.filter((event) => event.type !== 'start');

describe('OpenAIChatStreamDecoder', () => {
  it('reads usage sent in the same chunk as finish_reason (DeepSeek, some vLLM setups), before the stop', () => {
    const events = run([
      chunk({ role: 'assistant', content: 'Hi' }),
      chunk({}, 'stop', { usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4, prompt_tokens_details: { cached_tokens: 2 } } }),
      done,
    ]);
    expect(withoutStart(events)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'text_delta', index: 0, text: 'Hi' },
      { type: 'block_stop', index: 0 },
      { type: 'usage', usage: { inputTokens: 3, outputTokens: 1, cacheReadTokens: 2, cacheWriteTokens: 0, reasoningTokens: 0 } },
      { type: 'stop', stopReason: 'end_turn' },
      { type: 'end' },
    ]);
  });

  it('holds the stop until [DONE], so the usage chunk after the finish chunk comes first', () => {
    const decoder = new OpenAIChatStreamDecoder();
    expect(decoder.push(chunk({ content: 'x' }, 'length')).map((event) => event.type)).toEqual([
      'start',
      'block_start',
      'text_delta',
      'block_stop',
    ]);
    expect(decoder.push(usageChunk({ prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 })).map((event) => event.type)).toEqual(['usage']);
    expect(decoder.push(done)).toEqual([{ type: 'stop', stopReason: 'max_tokens' }, { type: 'end' }]);
    expect(decoder.usage).toMatchObject({ inputTokens: 1, outputTokens: 1 });
    expect(decoder.end()).toEqual([]);
  });

  it('finishes normally when a server closes after the finish chunk without [DONE]', () => {
    expect(withoutStart(run([chunk({ content: 'x' }, 'stop')])).slice(-2)).toEqual([{ type: 'stop', stopReason: 'end_turn' }, { type: 'end' }]);
  });

  it('treats [DONE] without a finish_reason as a finished answer with stop reason other', () => {
    expect(withoutStart(run([chunk({ content: 'x' }), done])).slice(-2)).toEqual([{ type: 'stop', stopReason: 'other' }, { type: 'end' }]);
  });

  it('ends an empty stream with an error', () => {
    for (const events of [[], [done]]) {
      const out = run(events);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ type: 'error', error: { code: 'upstream', message: 'the upstream stream ended without sending anything' } });
    }
  });

  it('closes the open block when another kind starts: thinking, text, tool call, text again', () => {
    const events = run([
      chunk({ role: 'assistant', content: '', reasoning_content: 'hmm' }),
      chunk({ reasoning_content: null, content: 'A' }),
      chunk(toolDelta(0, { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } })),
      chunk({ content: 'B' }),
      chunk({}, 'tool_calls'),
      done,
    ]);
    expect(withoutStart(events)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'thinking' } },
      { type: 'thinking_delta', index: 0, text: 'hmm' },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'text' } },
      { type: 'text_delta', index: 1, text: 'A' },
      { type: 'block_stop', index: 1 },
      { type: 'block_start', index: 2, block: { type: 'tool_call', id: 'call_1', name: 'f' } },
      { type: 'tool_arguments_delta', index: 2, json: '{}' },
      { type: 'block_stop', index: 2 },
      { type: 'block_start', index: 3, block: { type: 'text' } },
      { type: 'text_delta', index: 3, text: 'B' },
      { type: 'block_stop', index: 3 },
      { type: 'stop', stopReason: 'tool_use' },
      { type: 'end' },
    ]);
  });

  it('reads reasoning once when a server sends both reasoning and reasoning_content', () => {
    const events = run([chunk({ reasoning: 'r', reasoning_content: 'r' }), chunk({}, 'stop'), done]);
    expect(events.filter((event) => event.type === 'thinking_delta')).toEqual([{ type: 'thinking_delta', index: 0, text: 'r' }]);
  });

  it('reads several complete tool calls in one chunk', () => {
    const events = run([
      chunk({
        tool_calls: [
          { index: 0, id: 'call_a', type: 'function', function: { name: 'a', arguments: '{"x":1}' } },
          { index: 1, id: 'call_b', type: 'function', function: { name: 'b', arguments: '{"y":2}' } },
        ],
      }),
      chunk({}, 'tool_calls'),
      done,
    ]);
    expect(withoutStart(events).slice(0, 6)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'call_a', name: 'a' } },
      { type: 'tool_arguments_delta', index: 0, json: '{"x":1}' },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'call_b', name: 'b' } },
      { type: 'tool_arguments_delta', index: 1, json: '{"y":2}' },
      { type: 'block_stop', index: 1 },
    ]);
  });

  it('starts a new call when a new id comes at a known index (servers that number every call 0)', () => {
    const events = run([
      chunk(toolDelta(0, { id: 'call_a', function: { name: 'a', arguments: '{}' } })),
      chunk(toolDelta(0, { id: 'call_b', function: { name: 'b', arguments: '{}' } })),
      chunk({}, 'tool_calls'),
      done,
    ]);
    expect(events.filter((event) => event.type === 'block_start')).toEqual([
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'call_a', name: 'a' } },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'call_b', name: 'b' } },
    ]);
  });

  it('keeps a call going when a server repeats its id and name on every fragment', () => {
    const events = run([
      chunk(toolDelta(0, { id: 'call_a', function: { name: 'a', arguments: '{"x"' } })),
      chunk(toolDelta(0, { id: 'call_a', function: { name: 'a', arguments: ':1}' } })),
      chunk({}, 'tool_calls'),
      done,
    ]);
    expect(events.filter((event) => event.type === 'block_start')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'tool_arguments_delta').map((event) => event.json).join('')).toBe('{"x":1}');
  });

  it('holds arguments that come before the name, and makes up an id for a call that has none', () => {
    const decoder = new OpenAIChatStreamDecoder({ newId: (prefix) => `${prefix}_made` });
    const events = run(
      [
        chunk(toolDelta(0, { function: { arguments: '{"a"' } })),
        chunk(toolDelta(0, { function: { name: 'f', arguments: ':1}' } })),
        chunk({}, 'tool_calls'),
        done,
      ],
      decoder,
    );
    expect(withoutStart(events).slice(0, 3)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'call_made', name: 'f' } },
      { type: 'tool_arguments_delta', index: 0, json: '{"a":1}' },
      { type: 'block_stop', index: 0 },
    ]);
  });

  it('opens at the finish a call that got a name but neither id nor arguments', () => {
    const events = run([chunk(toolDelta(0, { function: { name: 'now' } })), chunk({}, 'tool_calls'), done]);
    expect(withoutStart(events).map((event) => event.type)).toEqual(['block_start', 'block_stop', 'stop', 'end']);
  });

  it('ends with an error, not corrupt JSON, when arguments of two calls interleave', () => {
    const events = run([
      chunk(toolDelta(0, { id: 'call_a', function: { name: 'a', arguments: '{"x":' } })),
      chunk(toolDelta(1, { id: 'call_b', function: { name: 'b', arguments: '{"y":' } })),
      chunk(toolDelta(0, { function: { arguments: '1}' } })),
      chunk(toolDelta(1, { function: { arguments: '2}' } })),
      done,
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { code: 'upstream' } });
    expect(events.filter((event) => event.type === 'error')).toHaveLength(1);
  });

  it('turns an error event into an error and ignores whatever follows', () => {
    const decoder = new OpenAIChatStreamDecoder();
    const events = run(
      [chunk({ content: 'a' }), { data: '{"error":{"message":"rate limited","type":"rate_limit_error","code":"rate_limit_exceeded"}}' }, chunk({ content: 'b' }), done],
      decoder,
    );
    expect(withoutStart(events)).toEqual([
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'text_delta', index: 0, text: 'a' },
      { type: 'error', error: expect.objectContaining({ code: 'rate_limited', message: 'rate limited', retryable: true }) },
    ]);
  });

  it('turns data that is not JSON into an upstream error', () => {
    expect(run([{ data: '<html>502 Bad Gateway</html>' }])).toEqual([
      { type: 'error', error: expect.objectContaining({ code: 'upstream' }) },
    ]);
  });

  it('reads usage chunks whose choices are null (vLLM) and ignores empty keep-alive data', () => {
    const events = run([
      chunk({ content: 'x' }, 'stop'),
      { data: '' },
      { data: JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: null, usage: { prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 } }) },
      done,
    ]);
    expect(events.filter((event) => event.type === 'usage')).toEqual([
      { type: 'usage', usage: { inputTokens: 4, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } },
    ]);
  });
});
