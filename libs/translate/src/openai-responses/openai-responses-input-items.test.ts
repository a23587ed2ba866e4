import { type OpenAIResponsesRequest } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { openAIResponsesInputItems } from './openai-responses-input-items';

function ids() {
  let next = 0;
  return (prefix: string) => `${prefix}_${next++}`;
}

describe('openAIResponsesInputItems', () => {
  it('lists a string input as one user message with an id', () => {
    expect(openAIResponsesInputItems('Hello', ids())).toEqual([
      { id: 'msg_0', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Hello' }] },
    ]);
  });

  it('gives every item a type and an id, keeps the client\'s ids, and lists content as parts', () => {
    const input = [
      { role: 'user', content: 'Hi' },
      { type: 'message', role: 'assistant', content: 'Hello.', id: 'msg_client' },
      { type: 'function_call', call_id: 'call_1', name: 'f', arguments: '{}' },
      { type: 'function_call_output', call_id: 'call_1', output: 'ok' },
      { type: 'reasoning', summary: [] },
      { type: 'web_search_call', status: 'completed' },
    ] as OpenAIResponsesRequest['input'];
    const before = structuredClone(input);
    expect(openAIResponsesInputItems(input, ids())).toEqual([
      { id: 'msg_0', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Hi' }] },
      { id: 'msg_client', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Hello.', annotations: [] }] },
      { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'f', arguments: '{}' },
      { id: 'fco_2', type: 'function_call_output', call_id: 'call_1', output: 'ok' },
      { id: 'rs_3', type: 'reasoning', summary: [] },
      { id: 'item_4', type: 'web_search_call', status: 'completed' },
    ]);
    expect(input).toEqual(before);
  });

  it('lists nothing for a request without input', () => {
    expect(openAIResponsesInputItems(undefined, ids())).toEqual([]);
  });
});
