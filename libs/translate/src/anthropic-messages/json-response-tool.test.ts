import { describe, expect, it } from 'vitest';
import { type CanonicalResponse } from '../canonical/canonical-response';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { JSON_RESPONSE_TOOL_NAME, JsonResponseToolUnwrapper, unwrapJsonResponseTool } from './json-response-tool';

const usage = { inputTokens: 10, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };

describe('unwrapJsonResponseTool', () => {
  it('turns the forced json_response call into the text answer', () => {
    const response: CanonicalResponse = {
      id: 'msg_1',
      model: 'claude-3-5-haiku-20241022',
      content: [{ type: 'tool_call', id: 'toolu_1', name: JSON_RESPONSE_TOOL_NAME, arguments: { answer: 'Paris', confidence: 0.9 } }],
      stopReason: 'tool_use',
      usage,
    };
    expect(unwrapJsonResponseTool(response)).toEqual({
      ...response,
      content: [{ type: 'text', text: '{"answer":"Paris","confidence":0.9}' }],
      stopReason: 'end_turn',
    });
  });

  it('leaves a response without the tool alone', () => {
    const response: CanonicalResponse = {
      id: 'msg_1',
      model: 'm',
      content: [{ type: 'tool_call', id: 'toolu_1', name: 'lookup', arguments: {} }],
      stopReason: 'tool_use',
      usage,
    };
    expect(unwrapJsonResponseTool(response)).toBe(response);
  });
});

describe('JsonResponseToolUnwrapper', () => {
  it('streams the json_response block as text', () => {
    const unwrapper = new JsonResponseToolUnwrapper();
    const input: CanonicalStreamEvent[] = [
      { type: 'start', id: 'msg_1', model: 'm' },
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'toolu_1', name: JSON_RESPONSE_TOOL_NAME } },
      { type: 'tool_arguments_delta', index: 0, json: '{"answer":' },
      { type: 'tool_arguments_delta', index: 0, json: ' "Paris"}' },
      { type: 'block_stop', index: 0 },
      { type: 'stop', stopReason: 'tool_use' },
      { type: 'end' },
    ];
    expect(input.flatMap((event) => unwrapper.push(event))).toEqual([
      { type: 'start', id: 'msg_1', model: 'm' },
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'text_delta', index: 0, text: '{"answer":' },
      { type: 'text_delta', index: 0, text: ' "Paris"}' },
      { type: 'block_stop', index: 0 },
      { type: 'stop', stopReason: 'end_turn' },
      { type: 'end' },
    ]);
  });

  it('keeps tool_use when another tool was called as well', () => {
    const unwrapper = new JsonResponseToolUnwrapper();
    unwrapper.push({ type: 'block_start', index: 0, block: { type: 'tool_call', id: 't0', name: 'lookup' } });
    unwrapper.push({ type: 'block_start', index: 1, block: { type: 'tool_call', id: 't1', name: JSON_RESPONSE_TOOL_NAME } });
    expect(unwrapper.push({ type: 'stop', stopReason: 'tool_use' })).toEqual([{ type: 'stop', stopReason: 'tool_use' }]);
  });
});
