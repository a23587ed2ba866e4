import { openAIChatResponseSchema } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { type CanonicalResponse } from '../canonical/canonical-response';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { emptyUsage } from '../usage/token-usage';
import { decodeOpenAIChatResponse } from './decode-openai-chat-response';
import { encodeOpenAIChatResponse } from './encode-openai-chat-response';

const ctx: TranslationContext = { now: () => 1_754_985_600_999, newId: (prefix) => `${prefix}-pinned`, requestModel: 'my-alias' };

// https://platform.openai.com/docs/api-reference/chat/object
const openAIToolAnswer = {
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion',
  created: 1741570283,
  model: 'gpt-4o-2024-08-06',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_a1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } },
          { id: 'call_b2', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Tok' } },
        ],
        refusal: null,
        annotations: [],
      },
      logprobs: null,
      finish_reason: 'tool_calls',
    },
  ],
  usage: {
    prompt_tokens: 1117,
    completion_tokens: 46,
    total_tokens: 1163,
    prompt_tokens_details: { cached_tokens: 1024, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  },
  service_tier: 'default',
  system_fingerprint: 'fp_fc9f1d7035',
};

describe('decodeOpenAIChatResponse', () => {
  it('decodes tool calls, keeping unparsable arguments as _raw, and usage', () => {
    expect(decodeOpenAIChatResponse(openAIToolAnswer)).toEqual({
      id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
      model: 'gpt-4o-2024-08-06',
      content: [
        { type: 'tool_call', id: 'call_a1', name: 'get_weather', arguments: { location: 'Paris' } },
        { type: 'tool_call', id: 'call_b2', name: 'get_weather', arguments: { _raw: '{"location":"Tok' } },
      ],
      stopReason: 'tool_use',
      usage: { inputTokens: 1117, outputTokens: 46, cacheReadTokens: 1024, cacheWriteTokens: 0, reasoningTokens: 0 },
    } satisfies CanonicalResponse);
  });

  it.each(['reasoning_content', 'reasoning'])('puts vLLM reasoning (%s) first as unsigned thinking', (field) => {
    const response = decodeOpenAIChatResponse({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1,
      model: 'Qwen/Qwen3-8B',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Yes.', [field]: 'Think first.', tool_calls: [] },
          finish_reason: 'stop',
          stop_reason: null,
        },
      ],
      usage: { prompt_tokens: 5, total_tokens: 20, completion_tokens: 15, prompt_tokens_details: null },
    });
    expect(response.content).toEqual([
      { type: 'thinking', text: 'Think first.' },
      { type: 'text', text: 'Yes.' },
    ]);
    expect(response.stopReason).toBe('end_turn');
  });

  it('ends with tool_use when a server says "stop" beside tool calls', () => {
    const response = decodeOpenAIChatResponse({
      ...openAIToolAnswer,
      choices: [{ ...openAIToolAnswer.choices[0], finish_reason: 'stop' }],
    });
    expect(response).toMatchObject({ stopReason: 'tool_use', rawStopReason: 'stop' });
  });

  it('reads a refusal as text with stop reason refusal', () => {
    const response = decodeOpenAIChatResponse({
      id: 'chatcmpl-2',
      object: 'chat.completion',
      created: 1,
      model: 'gpt-4o',
      choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: "I can't help with that." }, finish_reason: 'stop' }],
    });
    expect(response).toMatchObject({ content: [{ type: 'text', text: "I can't help with that." }], stopReason: 'refusal', usage: emptyUsage() });
  });

  it('throws the error a 200 body holds, and refuses what is not an object', () => {
    expect(() => decodeOpenAIChatResponse({ error: { message: 'busy', type: 'server_error' } })).toThrow(
      expect.objectContaining({ code: 'upstream', message: 'busy' }),
    );
    expect(() => decodeOpenAIChatResponse('nope')).toThrow(GatewayError);
  });
});

describe('encodeOpenAIChatResponse', () => {
  it('writes a chat.completion with the client model, context id and time, joined text, reasoning and tool calls', () => {
    const encoded = encodeOpenAIChatResponse(
      {
        id: 'msg_01',
        model: 'claude-sonnet-4-5',
        content: [
          { type: 'thinking', text: 'Plan.', signature: 'sig' },
          { type: 'redacted_thinking', data: 'x' },
          { type: 'text', text: 'Hello ', citations: [{ type: 'char_location' }] },
          { type: 'text', text: 'there.' },
          { type: 'tool_call', id: 'toolu_1', name: 'lookup', arguments: { q: 'x' } },
        ],
        stopReason: 'tool_use',
        usage: { inputTokens: 2600, outputTokens: 40, cacheReadTokens: 2000, cacheWriteTokens: 500, reasoningTokens: 0 },
      },
      ctx,
    );
    expect(encoded).toEqual({
      id: 'chatcmpl-pinned',
      object: 'chat.completion',
      created: 1_754_985_600,
      model: 'my-alias',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Hello there.',
            refusal: null,
            reasoning_content: 'Plan.',
            tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }],
          },
          logprobs: null,
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 2600, completion_tokens: 40, total_tokens: 2640, prompt_tokens_details: { cached_tokens: 2000 } },
    });
    expect(openAIChatResponseSchema.safeParse(encoded).success).toBe(true);
  });

  it('writes content null beside tool calls without text, and an empty string when there is nothing', () => {
    const base = { id: 'm', model: 'm', stopReason: 'end_turn' as const, usage: emptyUsage() };
    const tools = encodeOpenAIChatResponse({ ...base, content: [{ type: 'tool_call', id: 't', name: 'n', arguments: {} }] }, ctx);
    expect(tools.choices[0]!.message.content).toBeNull();
    expect(tools.choices[0]!.finish_reason).toBe('tool_calls');
    expect(encodeOpenAIChatResponse({ ...base, content: [] }, ctx).choices[0]!.message.content).toBe('');
  });

  it('round-trips an upstream answer: decode then encode keeps text, tool calls and usage', () => {
    const encoded = encodeOpenAIChatResponse(decodeOpenAIChatResponse(openAIToolAnswer), ctx);
    expect(encoded.choices[0]!.message.tool_calls).toEqual(openAIToolAnswer.choices[0]!.message.tool_calls);
    expect(encoded.choices[0]!.finish_reason).toBe('tool_calls');
    expect(encoded.usage).toMatchObject({ prompt_tokens: 1117, completion_tokens: 46, prompt_tokens_details: { cached_tokens: 1024 } });
  });
});
