import {
  type CanonicalResponse,
  encodeOpenAIResponsesResponse,
  GatewayError,
  openAIResponsesEchoOf,
  type TranslationContext,
} from '@gatehouse/translate';
import { type OpenAIResponsesRequest } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { type GatehouseConfig } from '../config';
import { MemoryResponsesStore } from './memory-responses-store';
import { ResponsesConversation } from './responses-conversation';

const config = { responses: { ttl: 60_000, max_items: 100 } } as GatehouseConfig;

function context(): TranslationContext {
  let next = 0;
  return { now: () => 1_754_985_600_000 + next, newId: (prefix) => `${prefix}_${next++}`, requestModel: 'claude' };
}

function setup(store = new MemoryResponsesStore({ maxItems: 100 })) {
  return { store, conversation: new ResponsesConversation(store, config), ctx: context() };
}

const request = (fields: Partial<OpenAIResponsesRequest>): OpenAIResponsesRequest => ({ model: 'claude', ...fields }) as OpenAIResponsesRequest;

/** One turn as the gateway runs it: resolve, answer (here: a given canonical answer), record. */
async function turn(
  { conversation, ctx }: ReturnType<typeof setup>,
  owner: string,
  body: OpenAIResponsesRequest,
  answer: CanonicalResponse['content'],
) {
  const resolved = await conversation.resolve(body, owner, ctx);
  const canonical: CanonicalResponse = { id: 'up', model: 'up', content: answer, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } };
  const response = encodeOpenAIResponsesResponse(canonical, ctx, openAIResponsesEchoOf(body));
  const outcome = await conversation.record({ owner, request: body, response, input: resolved.input, output: answer, ctx });
  return { resolved, response, outcome };
}

describe('ResponsesConversation', () => {
  it('passes a request without previous_response_id through the decoder', async () => {
    const { conversation } = setup();
    const resolved = await conversation.resolve(request({ input: 'Hi', instructions: 'Be brief.' }), 'team:a');
    expect(resolved.value.system).toEqual([{ type: 'text', text: 'Be brief.' }]);
    expect(resolved.value.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
  });

  it('prepends a chain of three turns oldest first, keeps signatures and earlier developer messages, not earlier instructions', async () => {
    const parts = setup();
    const first = await turn(
      parts,
      'team:a',
      request({ instructions: 'Old instructions.', input: [{ role: 'developer', content: 'Answer in French.' }, { role: 'user', content: 'Weather?' }] }),
      [
        { type: 'thinking', text: 'need the tool', signature: 'sig-1' },
        { type: 'tool_call', id: 'toolu_1', name: 'weather', arguments: { city: 'Paris' } },
      ],
    );
    expect(first.outcome).toEqual({ stored: true });
    const second = await turn(
      parts,
      'team:a',
      request({ previous_response_id: first.response.id, input: [{ type: 'function_call_output', call_id: 'toolu_1', output: '21C' }] }),
      [{ type: 'text', text: 'Il fait 21 degrés.' }],
    );
    const third = await parts.conversation.resolve(
      request({ previous_response_id: second.response.id, instructions: 'New instructions.', input: 'Merci!' }),
      'team:a',
      parts.ctx,
    );
    expect(third.value.system).toEqual([
      { type: 'text', text: 'New instructions.' },
      { type: 'text', text: 'Answer in French.' },
    ]);
    expect(third.value.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', text: 'need the tool', signature: 'sig-1' },
          { type: 'tool_call', id: 'toolu_1', name: 'weather', arguments: { city: 'Paris' } },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', toolCallId: 'toolu_1', content: [{ type: 'text', text: '21C' }] }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Il fait 21 degrés.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Merci!' }] },
    ]);
    // This turn's own input stays apart, for its record.
    expect(third.input.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Merci!' }] }]);
  });

  it.each([
    ['an unknown id', 'team:a', 'resp_missing'],
    ['another owner\'s response', 'team:b', 'resp_0'],
  ])('answers 400 with OpenAI\'s message for %s', async (_case, owner, previousId) => {
    const parts = setup();
    await turn(parts, 'team:a', request({ input: 'Hi' }), [{ type: 'text', text: 'Hello' }]);
    const attempt = parts.conversation.resolve(request({ previous_response_id: previousId, input: 'Again' }), owner);
    await expect(attempt).rejects.toBeInstanceOf(GatewayError);
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_request',
      status: 400,
      param: 'previous_response_id',
      message: `Previous response with id '${previousId}' not found.`,
    });
  });

  it('records the response as returned, its input items with ids, and its turn decoded from the output', async () => {
    const { store, conversation, ctx } = setup();
    const body = request({ instructions: 'Be brief.', input: 'Hi' });
    const response = {
      id: 'resp_up',
      object: 'response',
      status: 'completed',
      output: [
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'greet' }] },
        { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Hello' }] },
      ],
    };
    expect(await conversation.record({ owner: '', request: body, response, ctx })).toEqual({ stored: true });
    expect(await store.get('resp_up', '')).toEqual({
      id: 'resp_up',
      owner: '',
      createdAt: 1_754_985_600_000,
      instructions: 'Be brief.',
      inputItems: [{ id: 'msg_0', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Hi' }] }],
      response,
      turn: {
        system: [],
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
          { role: 'assistant', content: [{ type: 'thinking', text: 'greet' }, { type: 'text', text: 'Hello' }] },
        ],
      },
    });
  });

  it('does not record what the client asked not to store, nor what is over the size cap or cannot be decoded', async () => {
    const { store, conversation, ctx } = setup(new MemoryResponsesStore({ maxItems: 10, maxRecordBytes: 2000 }));
    const response = { id: 'resp_x', output: [] };
    expect(await conversation.record({ owner: '', request: request({ input: 'Hi', store: false }), response, ctx })).toEqual({
      stored: false,
      reason: 'the request said store: false',
    });
    const big = await conversation.record({ owner: '', request: request({ input: 'x'.repeat(3000) }), response, ctx });
    expect(big).toMatchObject({ stored: false, reason: expect.stringContaining('over the 2000-byte cap') });
    const referenced = await conversation.record({ owner: '', request: request({ input: [{ type: 'item_reference', id: 'msg_1' }] }), response, ctx });
    expect(referenced).toMatchObject({ stored: false, reason: expect.stringContaining('item references are not supported') });
    expect(await store.get('resp_x', '')).toBeUndefined();
  });

  it('warns when the stored conversation was cut', async () => {
    const parts = setup(new MemoryResponsesStore({ maxItems: 10, maxChainDepth: 2 }));
    const one = await turn(parts, 'team:a', request({ input: 'one' }), [{ type: 'text', text: '1' }]);
    const two = await turn(parts, 'team:a', request({ input: 'two', previous_response_id: one.response.id }), [{ type: 'text', text: '2' }]);
    const three = await turn(parts, 'team:a', request({ input: 'three', previous_response_id: two.response.id }), [{ type: 'text', text: '3' }]);
    const resolved = await parts.conversation.resolve(request({ input: 'four', previous_response_id: three.response.id }), 'team:a');
    expect(resolved.value.messages.map((message) => (message.content[0] as { text: string }).text)).toEqual(['two', '2', 'three', '3', 'four']);
    expect(resolved.warnings).toContain('sent only the newest 2 stored responses of the conversation: earlier ones are gone or over the store\'s caps');
  });

  it('expands a body for a Responses upstream: stored items first, without ids, previous_response_id gone', async () => {
    const parts = setup();
    const { conversation, store, ctx } = parts;
    const body = request({ input: [{ role: 'user', content: 'Weather?' }] });
    const response = {
      id: 'resp_native',
      output: [
        { type: 'reasoning', id: 'rs_1', summary: [] },
        { type: 'reasoning', id: 'rs_2', summary: [], encrypted_content: 'gAAA' },
        { type: 'web_search_call', id: 'ws_1', status: 'completed' },
        { type: 'function_call', id: 'fc_1', status: 'completed', call_id: 'call_1', name: 'weather', arguments: '{}' },
      ],
    };
    await conversation.record({ owner: 'key:k1', request: body, response, ctx });
    expect(await store.get('resp_native', 'key:k1')).toBeDefined();
    const next = { model: 'gpt-5', previous_response_id: 'resp_native', input: [{ type: 'function_call_output', call_id: 'call_1', output: 'sunny' }], stream: true };
    const expanded = await conversation.expandForPassThrough(next, 'key:k1');
    expect(expanded.body).toEqual({
      model: 'gpt-5',
      stream: true,
      input: [
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Weather?' }] },
        { type: 'reasoning', id: 'rs_2', summary: [], encrypted_content: 'gAAA' },
        { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'sunny' },
      ],
    });
    expect(expanded.warnings).toEqual(['left out stored reasoning without encrypted content and built-in tool items: the upstream cannot take them back']);
    expect(next.previous_response_id).toBe('resp_native');
    await expect(conversation.expandForPassThrough({ ...next, previous_response_id: 'resp_gone' }, 'key:k1')).rejects.toMatchObject({ status: 400 });
    expect(await conversation.expandForPassThrough({ model: 'gpt-5', input: 'x' }, 'key:k1')).toEqual({ body: { model: 'gpt-5', input: 'x' }, warnings: [] });
  });
});
