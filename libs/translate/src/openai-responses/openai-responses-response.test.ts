import { type OpenAIResponsesRequest, openAIResponseSchema } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { type CanonicalResponse, type StopReason } from '../canonical/canonical-response';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { emptyUsage } from '../usage/token-usage';
import { decodeOpenAIResponsesResponse } from './decode-openai-responses-response';
import { encodeOpenAIResponsesResponse } from './encode-openai-responses-response';
import { openAIResponsesEchoOf } from './openai-responses-echo';
import { outputTextOf } from './openai-responses-output-items';
import { openAIResponsesOutcome, stopFromOpenAIResponsesStatus } from './openai-responses-status';
import { openAIResponsesUsage } from './openai-responses-usage';

function pinned(): TranslationContext {
  let next = 0;
  return { now: () => 1_700_000_000_900, newId: (prefix) => `${prefix}_${next++}`, requestModel: 'alias' };
}

const usage = { inputTokens: 120, outputTokens: 30, cacheReadTokens: 100, cacheWriteTokens: 0, reasoningTokens: 8 };

const answer: CanonicalResponse = {
  id: 'msg_up',
  model: 'claude-sonnet-4-5',
  content: [
    { type: 'thinking', text: 'First.', signature: 'sig' },
    { type: 'thinking', text: 'Second.' },
    { type: 'redacted_thinking', data: 'xx' },
    { type: 'text', text: 'Hello', citations: [{ type: 'char_location' }] },
    { type: 'text', text: ' world' },
    { type: 'tool_call', id: 'toolu_1', name: 'f', arguments: { a: 1 } },
    { type: 'tool_call', id: 'toolu_2', name: 'g', arguments: { _raw: '{cut' } },
  ],
  stopReason: 'tool_use',
  usage,
};

describe('encodeOpenAIResponsesResponse', () => {
  it('writes reasoning, one message per run of text, and function calls with the canonical ids as call_id', () => {
    const body = encodeOpenAIResponsesResponse(answer, pinned());
    expect(body).toMatchObject({ id: 'resp_0', object: 'response', created_at: 1_700_000_000, status: 'completed', model: 'alias' });
    expect(body.output).toEqual([
      { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'First.' }, { type: 'summary_text', text: 'Second.' }] },
      {
        id: 'msg_2',
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [
          { type: 'output_text', text: 'Hello', annotations: [], logprobs: [] },
          { type: 'output_text', text: ' world', annotations: [], logprobs: [] },
        ],
      },
      { id: 'fc_3', type: 'function_call', status: 'completed', arguments: '{"a":1}', call_id: 'toolu_1', name: 'f' },
      { id: 'fc_4', type: 'function_call', status: 'completed', arguments: '{cut', call_id: 'toolu_2', name: 'g' },
    ]);
    expect(body.usage).toEqual({
      input_tokens: 120,
      input_tokens_details: { cached_tokens: 100 },
      output_tokens: 30,
      output_tokens_details: { reasoning_tokens: 8 },
      total_tokens: 150,
    });
    expect(outputTextOf(body.output)).toBe('Hello world');
    // The API has no output_text field; the SDKs compute it.
    expect(body).not.toHaveProperty('output_text');
    expect(openAIResponseSchema.safeParse(body).success).toBe(true);
  });

  it('repeats the request fields it was given, and OpenAI\'s defaults without them', () => {
    const request = {
      model: 'alias',
      input: 'x',
      instructions: 'Be brief.',
      tools: [{ type: 'function', name: 'f', parameters: { type: 'object' } }],
      tool_choice: 'required',
      temperature: 0.3,
      top_p: 0.5,
      max_output_tokens: 99,
      metadata: { k: 'v' },
      previous_response_id: 'resp_prev',
      store: false,
      parallel_tool_calls: false,
      text: { format: { type: 'json_object' } },
      reasoning: { effort: 'low' },
      user: 'u1',
    } as OpenAIResponsesRequest;
    const echoed = encodeOpenAIResponsesResponse(answer, pinned(), openAIResponsesEchoOf(request));
    expect(echoed).toMatchObject({
      instructions: 'Be brief.',
      tools: [{ type: 'function', name: 'f', parameters: { type: 'object' } }],
      tool_choice: 'required',
      temperature: 0.3,
      top_p: 0.5,
      max_output_tokens: 99,
      metadata: { k: 'v' },
      previous_response_id: 'resp_prev',
      store: false,
      parallel_tool_calls: false,
      text: { format: { type: 'json_object' } },
      reasoning: { effort: 'low', summary: null },
      user: 'u1',
      truncation: 'disabled',
    });
    const defaults = encodeOpenAIResponsesResponse(answer, pinned());
    expect(defaults).toMatchObject({
      instructions: null,
      tools: [],
      tool_choice: 'auto',
      temperature: 1,
      top_p: 1,
      max_output_tokens: null,
      metadata: {},
      previous_response_id: null,
      store: true,
      parallel_tool_calls: true,
      text: { format: { type: 'text' } },
      error: null,
      incomplete_details: null,
    });
  });

  it.each([
    ['max_tokens', 'incomplete', { reason: 'max_output_tokens' }],
    ['content_filter', 'incomplete', { reason: 'content_filter' }],
    ['refusal', 'incomplete', { reason: 'content_filter' }],
  ] as const)('marks a %s answer and its last message %s', (stopReason, status, details) => {
    const body = encodeOpenAIResponsesResponse({ ...answer, content: [{ type: 'text', text: 'cut' }], stopReason }, pinned());
    expect(body.status).toBe(status);
    expect(body.incomplete_details).toEqual(details);
    expect(body.output[0]).toMatchObject({ type: 'message', status: 'incomplete' });
  });
});

describe('decodeOpenAIResponsesResponse', () => {
  const response = {
    id: 'resp_1',
    object: 'response',
    created_at: 1,
    status: 'completed',
    model: 'gpt-5',
    output: [
      { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'A.' }, { type: 'summary_text', text: 'B.' }], encrypted_content: 'enc' },
      { type: 'web_search_call', id: 'ws_1', status: 'completed' },
      { type: 'message', id: 'msg_1', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Hi', annotations: [] }] },
      { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'f', arguments: '{"x":true}', status: 'completed' },
      { type: 'function_call', id: 'fc_2', call_id: 'call_2', name: 'g', arguments: 'not json', status: 'completed' },
    ],
    usage: { input_tokens: 10, input_tokens_details: { cached_tokens: 4 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 2 }, total_tokens: 15 },
  };

  it('reads reasoning, text and function calls (call_id as the id), usage and the stop', () => {
    expect(decodeOpenAIResponsesResponse(response)).toEqual({
      id: 'resp_1',
      model: 'gpt-5',
      content: [
        { type: 'thinking', text: 'A.\n\nB.' },
        { type: 'text', text: 'Hi' },
        { type: 'tool_call', id: 'call_1', name: 'f', arguments: { x: true } },
        { type: 'tool_call', id: 'call_2', name: 'g', arguments: { _raw: 'not json' } },
      ],
      stopReason: 'tool_use',
      usage: { inputTokens: 10, outputTokens: 5, cacheReadTokens: 4, cacheWriteTokens: 0, reasoningTokens: 2 },
    });
  });

  it('reads a refusal as text with stop reason refusal', () => {
    const refused = {
      ...response,
      output: [{ type: 'message', id: 'm', status: 'completed', role: 'assistant', content: [{ type: 'refusal', refusal: 'No.' }] }],
    };
    expect(decodeOpenAIResponsesResponse(refused)).toMatchObject({ content: [{ type: 'text', text: 'No.' }], stopReason: 'refusal' });
  });

  it.each([
    [{ status: 'failed', error: { code: 'rate_limit_exceeded', message: 'slow down' } }, 'rate_limited', 'slow down'],
    [{ status: 'failed', error: { code: 'server_error', message: 'boom' } }, 'upstream', 'boom'],
    [{ error: { message: 'bad key', type: 'authentication_error' } }, 'authentication', 'bad key'],
  ])('throws the error of %j', (body, code, message) => {
    const base = 'error' in body && !('status' in body) ? {} : response;
    expect(() => decodeOpenAIResponsesResponse({ ...base, ...body })).toThrow(GatewayError);
    try {
      decodeOpenAIResponsesResponse({ ...base, ...body });
    } catch (error) {
      expect(error).toMatchObject({ code, message });
    }
  });

  it('keeps the meaning through encode and decode', () => {
    const canonical: CanonicalResponse = {
      id: 'x',
      model: 'm',
      content: [{ type: 'thinking', text: 't' }, { type: 'text', text: 'a' }, { type: 'tool_call', id: 'call_9', name: 'f', arguments: { q: [1] } }],
      stopReason: 'tool_use',
      usage: { ...emptyUsage(), inputTokens: 3, outputTokens: 4, cacheReadTokens: 1, reasoningTokens: 2 },
    };
    const back = decodeOpenAIResponsesResponse(encodeOpenAIResponsesResponse(canonical, pinned()));
    expect(back).toEqual({ ...canonical, id: 'resp_0', model: 'alias' });
  });
});

describe('Responses status and usage tables', () => {
  it.each([
    ['end_turn', 'completed', null],
    ['stop_sequence', 'completed', null],
    ['tool_use', 'completed', null],
    ['pause_turn', 'completed', null],
    ['other', 'completed', null],
    ['max_tokens', 'incomplete', 'max_output_tokens'],
    ['refusal', 'incomplete', 'content_filter'],
    ['content_filter', 'incomplete', 'content_filter'],
  ] as const)('stop %s → status %s (%s)', (stopReason: StopReason, status, reason) => {
    expect(openAIResponsesOutcome(stopReason)).toEqual({ status, incomplete_details: reason ? { reason } : null });
  });

  it.each([
    ['completed', undefined, { hasToolCalls: false }, { stopReason: 'end_turn' }],
    ['completed', undefined, { hasToolCalls: true }, { stopReason: 'tool_use' }],
    ['completed', undefined, { hasToolCalls: false, refused: true }, { stopReason: 'refusal' }],
    ['incomplete', 'max_output_tokens', { hasToolCalls: true }, { stopReason: 'max_tokens' }],
    ['incomplete', 'content_filter', { hasToolCalls: false }, { stopReason: 'content_filter' }],
    ['incomplete', 'something_new', { hasToolCalls: false }, { stopReason: 'other', rawStopReason: 'incomplete: something_new' }],
    ['cancelled', undefined, { hasToolCalls: false }, { stopReason: 'other', rawStopReason: 'cancelled' }],
    [undefined, undefined, { hasToolCalls: false }, { stopReason: 'other', rawStopReason: 'unknown' }],
  ])('status %s (%s) → %j', (status, reason, context, stop) => {
    expect(stopFromOpenAIResponsesStatus(status, reason, context)).toEqual(stop);
  });

  it.each([
    [emptyUsage(), { input_tokens: 0, input_tokens_details: { cached_tokens: 0 }, output_tokens: 0, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 0 }],
    [
      { inputTokens: 2110, outputTokens: 96, cacheReadTokens: 2048, cacheWriteTokens: 10, reasoningTokens: 40 },
      { input_tokens: 2110, input_tokens_details: { cached_tokens: 2048 }, output_tokens: 96, output_tokens_details: { reasoning_tokens: 40 }, total_tokens: 2206 },
    ],
  ])('usage %j → %j', (tokenUsage, expected) => {
    expect(openAIResponsesUsage(tokenUsage)).toEqual(expected);
  });
});
