import { type SseEvent } from '@gatehouse/sse';
import { type OpenAIResponsesRequest } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { openAIResponsesEchoOf } from './openai-responses-echo';
import { OpenAIResponsesStreamEncoder } from './openai-responses-stream-encoder';

function pinned(): TranslationContext {
  let next = 0;
  return { now: () => 1_700_000_000_500, newId: (prefix) => `${prefix}_${next++}`, requestModel: 'alias' };
}

type Event = Record<string, unknown> & { type: string; sequence_number: number };
const parsed = (out: SseEvent[]) => out.map((event) => JSON.parse(event.data) as Event);
const types = (out: SseEvent[]) => parsed(out).map((event) => event.type);

function run(events: CanonicalStreamEvent[], encoder = new OpenAIResponsesStreamEncoder(pinned())) {
  const out: SseEvent[] = [];
  for (const event of events) out.push(...encoder.push(event));
  out.push(...encoder.end());
  return { out, encoder };
}

const textAndTool: CanonicalStreamEvent[] = [
  { type: 'start', id: 'msg_up', model: 'claude', usage: { inputTokens: 10 } },
  { type: 'block_start', index: 0, block: { type: 'text' } },
  { type: 'text_delta', index: 0, text: 'Hi' },
  { type: 'block_stop', index: 0 },
  { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'toolu_1', name: 'f' } },
  { type: 'tool_arguments_delta', index: 1, json: '{"a":' },
  { type: 'tool_arguments_delta', index: 1, json: '1}' },
  { type: 'block_stop', index: 1 },
  { type: 'block_start', index: 2, block: { type: 'text' } },
  { type: 'text_delta', index: 2, text: 'after' },
  { type: 'block_stop', index: 2 },
  { type: 'stop', stopReason: 'tool_use' },
  { type: 'usage', usage: { outputTokens: 7 } },
  { type: 'end' },
];

describe('OpenAIResponsesStreamEncoder', () => {
  it('writes the documented event sequence with event lines, sequence numbers and output indexes', () => {
    const { out } = run(textAndTool);
    expect(out.every((event) => event.event === (JSON.parse(event.data) as Event).type)).toBe(true);
    expect(parsed(out).map((event) => event.sequence_number)).toEqual(out.map((_, index) => index));
    expect(types(out)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const places = parsed(out)
      .filter((event) => 'output_index' in event)
      .map((event) => [event.type, event.output_index, event.item_id ?? (event.item as { id: string }).id]);
    expect(new Set(places.map(([, index, id]) => `${index}:${id}`))).toEqual(new Set(['0:msg_1', '1:fc_2', '2:msg_3']));
  });

  it('opens with the response in progress, ends with it complete, and keeps the final object', () => {
    const { out, encoder } = run(textAndTool);
    const [created, inProgress] = parsed(out);
    expect(created!.response).toMatchObject({ id: 'resp_0', status: 'in_progress', output: [], usage: null, model: 'alias', created_at: 1_700_000_000 });
    expect(inProgress!.response).toEqual(created!.response);
    const completed = parsed(out).at(-1)!;
    expect(completed.response).toMatchObject({
      id: 'resp_0',
      status: 'completed',
      usage: { input_tokens: 10, output_tokens: 7, total_tokens: 17 },
      output: [
        { id: 'msg_1', type: 'message', status: 'completed', content: [{ type: 'output_text', text: 'Hi' }] },
        { id: 'fc_2', type: 'function_call', status: 'completed', call_id: 'toolu_1', name: 'f', arguments: '{"a":1}' },
        { id: 'msg_3', type: 'message', status: 'completed', content: [{ type: 'output_text', text: 'after' }] },
      ],
    });
    expect(encoder.responseId).toBe('resp_0');
    expect(encoder.response).toEqual(completed.response);
    expect(encoder.usage).toEqual({ inputTokens: 10, outputTokens: 7, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  it('has no finished response before the end', () => {
    const encoder = new OpenAIResponsesStreamEncoder(pinned());
    encoder.push(textAndTool[0]!);
    expect(encoder.response).toBeUndefined();
  });

  it('passes each delta on at once', () => {
    const encoder = new OpenAIResponsesStreamEncoder(pinned());
    encoder.push({ type: 'start', id: 'm', model: 'm' });
    encoder.push({ type: 'block_start', index: 0, block: { type: 'text' } });
    expect(types(encoder.push({ type: 'text_delta', index: 0, text: 'a' }))).toEqual(['response.output_text.delta']);
    encoder.push({ type: 'block_stop', index: 0 });
    encoder.push({ type: 'block_start', index: 1, block: { type: 'tool_call', id: 'c', name: 'n' } });
    expect(types(encoder.push({ type: 'tool_arguments_delta', index: 1, json: '{' }))).toEqual(['response.function_call_arguments.delta']);
  });

  it('repeats the request in every response object', () => {
    const echo = openAIResponsesEchoOf({ model: 'alias', instructions: 'Be brief.', store: false, previous_response_id: 'resp_p' } as OpenAIResponsesRequest);
    const { out } = run(textAndTool, new OpenAIResponsesStreamEncoder(pinned(), { echo }));
    for (const event of parsed(out).filter((event) => 'response' in event)) {
      expect(event.response).toMatchObject({ instructions: 'Be brief.', store: false, previous_response_id: 'resp_p' });
    }
  });

  it('streams consecutive thinking blocks as summary parts of one reasoning item and keeps signatures aside', () => {
    const { out, encoder } = run([
      { type: 'start', id: 'msg_up', model: 'claude' },
      { type: 'block_start', index: 0, block: { type: 'thinking' } },
      { type: 'thinking_delta', index: 0, text: 'one' },
      { type: 'signature_delta', index: 0, signature: 'sig-1' },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'redacted_thinking', data: 'opaque' } },
      { type: 'block_stop', index: 1 },
      { type: 'block_start', index: 2, block: { type: 'thinking' } },
      { type: 'thinking_delta', index: 2, text: 'two' },
      { type: 'block_stop', index: 2 },
      { type: 'stop', stopReason: 'end_turn' },
      { type: 'end' },
    ]);
    const reasoning = parsed(out).filter((event) => event.type.startsWith('response.reasoning_summary'));
    expect(reasoning.map((event) => [event.type, event.summary_index])).toEqual([
      ['response.reasoning_summary_part.added', 0],
      ['response.reasoning_summary_text.delta', 0],
      ['response.reasoning_summary_text.done', 0],
      ['response.reasoning_summary_part.done', 0],
      ['response.reasoning_summary_part.added', 1],
      ['response.reasoning_summary_text.delta', 1],
      ['response.reasoning_summary_text.done', 1],
      ['response.reasoning_summary_part.done', 1],
    ]);
    expect(encoder.response!.output).toEqual([
      { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'one' }, { type: 'summary_text', text: 'two' }] },
    ]);
    expect(encoder.canonicalResponse).toEqual({
      id: 'msg_up',
      model: 'claude',
      content: [
        { type: 'thinking', text: 'one', signature: 'sig-1' },
        { type: 'redacted_thinking', data: 'opaque' },
        { type: 'thinking', text: 'two' },
      ],
      stopReason: 'end_turn',
      usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
    });
  });

  it('ends a cut answer with response.incomplete and the last item incomplete', () => {
    const { out, encoder } = run([
      { type: 'start', id: 'm', model: 'm' },
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'c', name: 'n' } },
      { type: 'tool_arguments_delta', index: 0, json: '{"a":' },
      { type: 'block_stop', index: 0 },
      { type: 'stop', stopReason: 'max_tokens' },
      { type: 'end' },
    ]);
    expect(parsed(out).at(-1)).toMatchObject({ type: 'response.incomplete', response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } } });
    expect(encoder.response!.output[0]).toMatchObject({ type: 'function_call', status: 'incomplete', arguments: '{"a":' });
    expect(encoder.canonicalResponse.content).toEqual([{ type: 'tool_call', id: 'c', name: 'n', arguments: { _raw: '{"a":' } }]);
  });

  it.each([
    [new GatewayError('rate_limited', 'slow down', { retryAfter: 2 }), 'rate_limit_exceeded'],
    [new GatewayError('budget_exceeded', 'over budget'), 'rate_limit_exceeded'],
    [new GatewayError('overloaded', 'busy'), 'server_error'],
    [new GatewayError('upstream', 'boom'), 'server_error'],
  ])('ends with response.failed on %s, and nothing after', (error, code) => {
    const encoder = new OpenAIResponsesStreamEncoder(pinned());
    encoder.push({ type: 'start', id: 'm', model: 'm' });
    encoder.push({ type: 'text_delta', index: 0, text: 'partial' });
    const out = encoder.push({ type: 'error', error });
    expect(parsed(out)).toEqual([
      expect.objectContaining({
        type: 'response.failed',
        response: expect.objectContaining({
          status: 'failed',
          error: { code, message: error.message },
          output: [expect.objectContaining({ type: 'message', status: 'incomplete' })],
        }),
      }),
    ]);
    expect(encoder.response?.status).toBe('failed');
    expect(encoder.push({ type: 'end' })).toEqual([]);
    expect(encoder.end()).toEqual([]);
  });

  it('fails a stream that was cut, and finishes a stream that ended without a stop', () => {
    const cut = run([{ type: 'start', id: 'm', model: 'm' }]).out;
    expect(parsed(cut).at(-1)).toMatchObject({ type: 'response.failed', response: { error: { message: 'the response stream ended unexpectedly' } } });
    const noStop = run([{ type: 'start', id: 'm', model: 'm' }, { type: 'end' }]).out;
    expect(types(noStop)).toEqual(['response.created', 'response.in_progress', 'response.completed']);
  });

  it('opens the response and a message for text that arrives without a start or block_start', () => {
    const { out } = run([{ type: 'text_delta', index: 3, text: 'x' }, { type: 'stop', stopReason: 'end_turn' }, { type: 'end' }]);
    expect(types(out)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
  });
});
