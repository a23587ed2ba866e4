import { describe, expect, it } from 'vitest';
import { openAIResponsesInputItemListSchema } from './input-item-list';
import { openAIResponseSchema } from './response';
import { openAIResponseDeletedSchema } from './response-deleted';
import { openAIResponsesStreamEventSchema } from './stream-event';

// Shapes as in https://platform.openai.com/docs/api-reference/responses/object and .../responses-streaming
const response = {
  id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b',
  object: 'response',
  created_at: 1741476542,
  status: 'completed',
  error: null,
  incomplete_details: null,
  instructions: null,
  max_output_tokens: null,
  model: 'gpt-4.1-2025-04-14',
  output: [
    { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Thinking.' }], encrypted_content: null },
    {
      type: 'message',
      id: 'msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'In a peaceful grove beneath a silver moon...', annotations: [] }],
    },
    { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'get_weather', arguments: '{"location":"Paris"}', status: 'completed' },
    { type: 'web_search_call', id: 'ws_1', status: 'completed' },
  ],
  parallel_tool_calls: true,
  previous_response_id: null,
  reasoning: { effort: null, summary: null },
  store: true,
  temperature: 1.0,
  text: { format: { type: 'text' } },
  tool_choice: 'auto',
  tools: [],
  top_p: 1.0,
  truncation: 'disabled',
  usage: {
    input_tokens: 36,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 87,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 123,
  },
  user: null,
  metadata: {},
};

const inProgress = { ...response, status: 'in_progress', output: [], usage: null };
const item = { type: 'message', id: 'msg_1', status: 'in_progress', role: 'assistant', content: [] };
const part = { type: 'output_text', text: '', annotations: [] };
const at = { item_id: 'msg_1', output_index: 0, content_index: 0 };

const streamEvents: Record<string, unknown> = {
  'response.created': { type: 'response.created', sequence_number: 0, response: inProgress },
  'response.in_progress': { type: 'response.in_progress', sequence_number: 1, response: inProgress },
  'response.output_item.added': { type: 'response.output_item.added', sequence_number: 2, output_index: 0, item },
  'response.content_part.added': { type: 'response.content_part.added', sequence_number: 3, ...at, part },
  'response.output_text.delta': { type: 'response.output_text.delta', sequence_number: 4, ...at, delta: 'In', logprobs: [] },
  'response.output_text.done': { type: 'response.output_text.done', sequence_number: 5, ...at, text: 'In a peaceful grove', logprobs: [] },
  'response.output_text.annotation.added': {
    type: 'response.output_text.annotation.added',
    sequence_number: 6,
    ...at,
    annotation_index: 0,
    annotation: { type: 'url_citation', url: 'https://example.com', start_index: 0, end_index: 5, title: 'x' },
  },
  'response.content_part.done': { type: 'response.content_part.done', sequence_number: 7, ...at, part: { ...part, text: 'In a peaceful grove' } },
  'response.refusal.delta': { type: 'response.refusal.delta', sequence_number: 8, ...at, delta: 'I can' },
  'response.refusal.done': { type: 'response.refusal.done', sequence_number: 9, ...at, refusal: "I can't help with that." },
  'response.output_item.done': {
    type: 'response.output_item.done',
    sequence_number: 10,
    output_index: 0,
    item: { ...item, status: 'completed', content: [{ ...part, text: 'In a peaceful grove' }] },
  },
  'response.function_call_arguments.delta': { type: 'response.function_call_arguments.delta', sequence_number: 11, item_id: 'fc_1', output_index: 1, delta: '{"loc' },
  'response.function_call_arguments.done': {
    type: 'response.function_call_arguments.done',
    sequence_number: 12,
    item_id: 'fc_1',
    output_index: 1,
    name: 'get_weather',
    arguments: '{"location":"Paris"}',
  },
  'response.reasoning_summary_part.added': {
    type: 'response.reasoning_summary_part.added',
    sequence_number: 13,
    item_id: 'rs_1',
    output_index: 0,
    summary_index: 0,
    part: { type: 'summary_text', text: '' },
  },
  'response.reasoning_summary_text.delta': {
    type: 'response.reasoning_summary_text.delta',
    sequence_number: 14,
    item_id: 'rs_1',
    output_index: 0,
    summary_index: 0,
    delta: '**Responding',
  },
  'response.reasoning_summary_text.done': {
    type: 'response.reasoning_summary_text.done',
    sequence_number: 15,
    item_id: 'rs_1',
    output_index: 0,
    summary_index: 0,
    text: '**Responding to a greeting**',
  },
  'response.reasoning_summary_part.done': {
    type: 'response.reasoning_summary_part.done',
    sequence_number: 16,
    item_id: 'rs_1',
    output_index: 0,
    summary_index: 0,
    part: { type: 'summary_text', text: '**Responding to a greeting**' },
  },
  'response.reasoning_text.delta': { type: 'response.reasoning_text.delta', sequence_number: 17, item_id: 'rs_1', output_index: 0, content_index: 0, delta: 'The' },
  'response.reasoning_text.done': { type: 'response.reasoning_text.done', sequence_number: 18, item_id: 'rs_1', output_index: 0, content_index: 0, text: 'The user' },
  'response.completed': { type: 'response.completed', sequence_number: 19, response },
  'response.incomplete': {
    type: 'response.incomplete',
    sequence_number: 19,
    response: { ...response, status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } },
  },
  'response.failed': {
    type: 'response.failed',
    sequence_number: 19,
    response: { ...response, status: 'failed', error: { code: 'server_error', message: 'The model failed to generate a response.' } },
  },
  error: { type: 'error', sequence_number: 3, code: 'ERR_SOMETHING', message: 'Something went wrong', param: null },
  'an event type from the future': { type: 'response.web_search_call.searching', sequence_number: 5, item_id: 'ws_1', output_index: 0 },
};

describe('OpenAI Responses schemas', () => {
  it('parse a response with each common output item, and an unknown one', () => {
    expect(openAIResponseSchema.parse(response)).toEqual(response);
  });

  it('reject a response whose output message has a text part without text', () => {
    const bad = { ...response, output: [{ ...item, content: [{ type: 'output_text', annotations: [] }] }] };
    expect(openAIResponseSchema.safeParse(bad).success).toBe(false);
  });

  it.each(Object.entries(streamEvents))('parse the %s event', (_name, event) => {
    expect(openAIResponsesStreamEventSchema.parse(event)).toEqual(event);
  });

  it.each<[string, unknown]>([
    ['a text delta without delta', { type: 'response.output_text.delta', sequence_number: 4, ...at }],
    ['a text delta without sequence_number', { type: 'response.output_text.delta', ...at, delta: 'x' }],
    ['response.completed without response', { type: 'response.completed', sequence_number: 9 }],
    ['an output item added with a bad function call', { type: 'response.output_item.added', sequence_number: 2, output_index: 0, item: { type: 'function_call', call_id: 'c' } }],
    ['an error event without message', { type: 'error', sequence_number: 1, code: 'x', param: null }],
  ])('reject %s', (_name, event) => {
    expect(openAIResponsesStreamEventSchema.safeParse(event).success).toBe(false);
  });

  it('parse the input item list and the deletion answer', () => {
    const list = {
      object: 'list',
      data: [{ id: 'msg_abc123', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Tell me a three sentence bedtime story about a unicorn.' }] }],
      first_id: 'msg_abc123',
      last_id: 'msg_abc123',
      has_more: false,
    };
    expect(openAIResponsesInputItemListSchema.parse(list)).toEqual(list);
    const deleted = { id: 'resp_6786a1bec27481909a17d673315b29f6', object: 'response', deleted: true };
    expect(openAIResponseDeletedSchema.parse(deleted)).toEqual(deleted);
    expect(openAIResponseDeletedSchema.safeParse({ ...deleted, deleted: false }).success).toBe(false);
  });
});
