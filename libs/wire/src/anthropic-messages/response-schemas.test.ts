import { describe, expect, it } from 'vitest';
import { anthropicErrorBodySchema } from './error-body';
import { anthropicCountTokensResponseSchema } from './request';
import { anthropicMessagesResponseSchema } from './response';
import { anthropicStreamEventSchema } from './stream-event';

// Shapes as in https://docs.claude.com/en/api/messages and https://docs.claude.com/en/docs/build-with-claude/streaming
const message = {
  id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content: [
    { type: 'thinking', thinking: 'The user wants the weather.', signature: 'EqQBCgIYAhIM1gbcDa9G' },
    { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix' },
    { type: 'text', text: "I'll check the weather.", citations: null },
    { type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: 'get_weather', input: { location: 'San Francisco, CA' } },
  ],
  stop_reason: 'tool_use',
  stop_sequence: null,
  usage: {
    input_tokens: 2095,
    output_tokens: 503,
    cache_creation_input_tokens: 2051,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 2051, ephemeral_1h_input_tokens: 0 },
    server_tool_use: null,
    service_tier: 'standard',
  },
};

const streamEvents: Record<string, unknown> = {
  message_start: {
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 25, output_tokens: 1 } },
  },
  'content_block_start (text)': { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  'content_block_start (thinking)': { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
  'content_block_start (tool_use)': { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: {} } },
  ping: { type: 'ping' },
  text_delta: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } },
  input_json_delta: { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"location": "San Fra' } },
  thinking_delta: { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Let me solve this' } },
  signature_delta: { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds' } },
  citations_delta: {
    type: 'content_block_delta',
    index: 0,
    delta: { type: 'citations_delta', citation: { type: 'char_location', cited_text: 'grass is green', document_index: 0, start_char_index: 0, end_char_index: 20 } },
  },
  content_block_stop: { type: 'content_block_stop', index: 0 },
  message_delta: { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 15 } },
  'message_delta with input counts': {
    type: 'message_delta',
    delta: { stop_reason: 'tool_use', stop_sequence: null },
    usage: { input_tokens: 472, output_tokens: 89, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, server_tool_use: { web_search_requests: 1 } },
  },
  message_stop: { type: 'message_stop' },
  error: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
  'an event type from the future': { type: 'message_annotation', anything: [1, 2] },
  'a delta type from the future': { type: 'content_block_delta', index: 0, delta: { type: 'compaction_delta', content: 'x' } },
};

describe('Anthropic response schemas', () => {
  it('parse a message with every common block type', () => {
    expect(anthropicMessagesResponseSchema.parse(message)).toEqual(message);
  });

  it('parse a message with a block type from the future', () => {
    const withServerResult = { ...message, content: [{ type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] }] };
    expect(anthropicMessagesResponseSchema.parse(withServerResult)).toEqual(withServerResult);
  });

  it('reject a message whose usage lacks output_tokens', () => {
    expect(anthropicMessagesResponseSchema.safeParse({ ...message, usage: { input_tokens: 1 } }).success).toBe(false);
  });

  it('reject a tool_use block without a name', () => {
    const bad = { ...message, content: [{ type: 'tool_use', id: 't', input: {} }] };
    expect(anthropicMessagesResponseSchema.safeParse(bad).success).toBe(false);
  });

  it.each(Object.entries(streamEvents))('parse the %s event', (_name, event) => {
    expect(anthropicStreamEventSchema.parse(event)).toEqual(event);
  });

  it.each<[string, unknown]>([
    ['a text_delta without text', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta' } }],
    ['a content_block_delta without index', { type: 'content_block_delta', delta: { type: 'text_delta', text: 'x' } }],
    ['a message_delta without usage', { type: 'message_delta', delta: { stop_reason: 'end_turn' } }],
    ['an error event without message', { type: 'error', error: { type: 'api_error' } }],
    ['an event without type', { index: 0 }],
  ])('reject %s', (_name, event) => {
    expect(anthropicStreamEventSchema.safeParse(event).success).toBe(false);
  });

  it('parse an error body and a count_tokens answer', () => {
    const error = { type: 'error', error: { type: 'not_found_error', message: 'The requested resource could not be found.' }, request_id: 'req_011' };
    expect(anthropicErrorBodySchema.parse(error)).toEqual(error);
    expect(anthropicErrorBodySchema.safeParse({ error: { type: 'x', message: 'y' } }).success).toBe(false);
    expect(anthropicCountTokensResponseSchema.parse({ input_tokens: 2095 })).toEqual({ input_tokens: 2095 });
  });
});
