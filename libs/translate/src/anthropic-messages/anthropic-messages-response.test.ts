import { describe, expect, it } from 'vitest';
import { type CanonicalResponse } from '../canonical/canonical-response';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { decodeAnthropicMessagesResponse } from './decode-anthropic-messages-response';
import { encodeAnthropicMessagesResponse } from './encode-anthropic-messages-response';

const ctx: TranslationContext = { now: () => 0, newId: (prefix) => `${prefix}_gatehouse0001`, requestModel: 'claude-sonnet-4-5' };

// The documented example response with thinking and a tool call (https://docs.claude.com/en/api/messages).
const upstream = {
  id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content: [
    { type: 'thinking', thinking: 'Let me analyze this step by step...', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pk...' },
    { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4a' },
    {
      type: 'text',
      text: 'Based on the document, the deadline is Friday.',
      citations: [{ type: 'char_location', cited_text: 'due Friday', document_index: 0, start_char_index: 10, end_char_index: 20 }],
    },
    { type: 'server_tool_use', id: 'srvtoolu_01', name: 'web_search', input: { query: 'x' } },
    { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_01', content: [] },
    { type: 'tool_use', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', input: { location: 'San Francisco' } },
  ],
  stop_reason: 'tool_use',
  stop_sequence: null,
  usage: { input_tokens: 270, output_tokens: 156, cache_read_input_tokens: 100, cache_creation_input_tokens: 0, service_tier: 'standard' },
};

describe('decodeAnthropicMessagesResponse', () => {
  it('keeps text with citations, thinking with its signature, redacted thinking and tool calls; leaves out server tool blocks', () => {
    expect(decodeAnthropicMessagesResponse(upstream)).toEqual({
      id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      model: 'claude-sonnet-4-5-20250929',
      content: [
        { type: 'thinking', text: 'Let me analyze this step by step...', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pk...' },
        { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4a' },
        {
          type: 'text',
          text: 'Based on the document, the deadline is Friday.',
          citations: [{ type: 'char_location', cited_text: 'due Friday', document_index: 0, start_char_index: 10, end_char_index: 20 }],
        },
        { type: 'tool_call', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', arguments: { location: 'San Francisco' } },
      ],
      stopReason: 'tool_use',
      usage: { inputTokens: 370, outputTokens: 156, cacheReadTokens: 100, cacheWriteTokens: 0, reasoningTokens: 0 },
    });
  });

  it.each([
    ['stop_sequence', '###', { stopReason: 'stop_sequence', stopSequence: '###' }],
    ['model_context_window_exceeded', null, { stopReason: 'max_tokens', rawStopReason: 'model_context_window_exceeded' }],
    ['something_new', null, { stopReason: 'other', rawStopReason: 'something_new' }],
  ])('stop_reason %s', (stopReason, stopSequence, expected) => {
    const decoded = decodeAnthropicMessagesResponse({ ...upstream, stop_reason: stopReason, stop_sequence: stopSequence });
    expect({ stopReason: decoded.stopReason, rawStopReason: decoded.rawStopReason, stopSequence: decoded.stopSequence }).toEqual({
      rawStopReason: undefined,
      stopSequence: undefined,
      ...expected,
    });
  });

  it('throws an upstream error for a body that is not a Message', () => {
    expect(() => decodeAnthropicMessagesResponse({ type: 'message', content: 'nope' })).toThrow(GatewayError);
    try {
      decodeAnthropicMessagesResponse({ id: 'x' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'upstream', status: 502 });
    }
  });
});

describe('encodeAnthropicMessagesResponse', () => {
  const canonical = (fields: Partial<CanonicalResponse>): CanonicalResponse => ({
    id: 'chatcmpl-abc',
    model: 'gpt-4.1',
    content: [{ type: 'text', text: 'Hi there' }],
    stopReason: 'end_turn',
    usage: { inputTokens: 2048, outputTokens: 12, cacheReadTokens: 1024, cacheWriteTokens: 0, reasoningTokens: 0 },
    ...fields,
  });

  it('answers with a full Message: id from the context, the model the client asked for, usage without the cache in input_tokens', () => {
    expect(encodeAnthropicMessagesResponse(canonical({}), ctx)).toEqual({
      id: 'msg_gatehouse0001',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text: 'Hi there' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 1024, output_tokens: 12, cache_read_input_tokens: 1024, cache_creation_input_tokens: 0 },
    });
  });

  it('says tool_use whenever a tool call is in the answer, and keeps OpenAI call ids', () => {
    const encoded = encodeAnthropicMessagesResponse(
      canonical({
        content: [
          { type: 'thinking', text: 'reasoning from vLLM' },
          { type: 'text', text: 'Checking.' },
          { type: 'tool_call', id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', name: 'get_weather', arguments: { city: 'Paris' } },
        ],
        stopReason: 'end_turn',
      }),
      ctx,
    );
    expect(encoded.content).toEqual([
      { type: 'thinking', thinking: 'reasoning from vLLM', signature: '' },
      { type: 'text', text: 'Checking.' },
      { type: 'tool_use', id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', name: 'get_weather', input: { city: 'Paris' } },
    ]);
    expect(encoded.stop_reason).toBe('tool_use');
  });

  it.each([
    ['content_filter', undefined, 'refusal', null],
    ['other', undefined, 'end_turn', null],
    ['max_tokens', undefined, 'max_tokens', null],
    ['stop_sequence', 'END', 'stop_sequence', 'END'],
    ['pause_turn', undefined, 'pause_turn', null],
  ] as const)('stop reason %s → %s', (stopReason, stopSequence, expected, expectedSequence) => {
    const encoded = encodeAnthropicMessagesResponse(canonical({ stopReason, stopSequence }), ctx);
    expect([encoded.stop_reason, encoded.stop_sequence]).toEqual([expected, expectedSequence]);
  });

  it('round-trips: decode(encode(x)) keeps content, stop reason and usage', () => {
    const original = decodeAnthropicMessagesResponse(upstream);
    const again = decodeAnthropicMessagesResponse(encodeAnthropicMessagesResponse(original, ctx));
    expect({ ...again, id: original.id, model: original.model }).toEqual(original);
  });
});
