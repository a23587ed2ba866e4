import { describe, expect, it } from 'vitest';
import { type StopReason } from '../canonical/canonical-response';
import { openAIChatFinishReason, stopFromOpenAIChatFinishReason } from './openai-chat-finish-reason';

describe('stopFromOpenAIChatFinishReason', () => {
  it.each([
    ['stop', false, { stopReason: 'end_turn' }],
    ['length', false, { stopReason: 'max_tokens' }],
    ['tool_calls', false, { stopReason: 'tool_use' }],
    ['function_call', false, { stopReason: 'tool_use' }],
    ['content_filter', false, { stopReason: 'content_filter' }],
    [null, false, { stopReason: 'other' }],
    [undefined, false, { stopReason: 'other' }],
    ['abort', false, { stopReason: 'other', rawStopReason: 'abort' }],
    // Tool calls end with tool_use whatever the server said (vLLM says "stop")...
    ['tool_calls', true, { stopReason: 'tool_use' }],
    ['stop', true, { stopReason: 'tool_use', rawStopReason: 'stop' }],
    [null, true, { stopReason: 'tool_use' }],
    ['eos', true, { stopReason: 'tool_use', rawStopReason: 'eos' }],
    // ...except when cut by the limit or filtered.
    ['length', true, { stopReason: 'max_tokens' }],
    ['content_filter', true, { stopReason: 'content_filter' }],
  ])('finish_reason %s with tool calls %s → %j', (finishReason, hasToolCalls, expected) => {
    expect(stopFromOpenAIChatFinishReason(finishReason, { hasToolCalls })).toEqual(expected);
  });

  it.each([
    [{ matchedStop: 'END' }, { stopReason: 'stop_sequence', stopSequence: 'END' }],
    [{ matchedStop: 128009 }, { stopReason: 'end_turn' }],
    [{ matchedStop: null }, { stopReason: 'end_turn' }],
    [{ refused: true }, { stopReason: 'refusal', rawStopReason: 'stop' }],
  ])('finish_reason stop with %j → %j', (context, expected) => {
    expect(stopFromOpenAIChatFinishReason('stop', { hasToolCalls: false, ...context })).toEqual(expected);
  });
});

describe('openAIChatFinishReason', () => {
  it.each<[StopReason, string, string]>([
    ['end_turn', 'stop', 'tool_calls'],
    ['stop_sequence', 'stop', 'tool_calls'],
    ['max_tokens', 'length', 'length'],
    ['tool_use', 'tool_calls', 'tool_calls'],
    ['refusal', 'content_filter', 'content_filter'],
    ['pause_turn', 'stop', 'tool_calls'],
    ['content_filter', 'content_filter', 'content_filter'],
    ['other', 'stop', 'tool_calls'],
  ])('%s → %s, and %s when the answer holds tool calls', (stopReason, withoutTools, withTools) => {
    expect(openAIChatFinishReason(stopReason)).toBe(withoutTools);
    expect(openAIChatFinishReason(stopReason, true)).toBe(withTools);
  });
});
