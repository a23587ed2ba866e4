import { type OpenAIResponsesRequest, validateOpenAIResponsesRequest } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { type CanonicalRequest } from '../canonical/canonical-request';
import { type TranslationContext } from '../canonical/translation-context';
import { decodeOpenAIResponsesRequest } from './decode-openai-responses-request';
import { encodeOpenAIResponsesRequest } from './encode-openai-responses-request';

const base: CanonicalRequest = { model: 'gpt-5', system: [], messages: [], stream: false };
const ctx: TranslationContext = { now: () => 0, newId: (prefix) => `${prefix}_1`, requestModel: 'm' };

describe('encodeOpenAIResponsesRequest', () => {
  it('writes system as instructions and turns as input items, tool results first in their turn', () => {
    const { value, warnings } = encodeOpenAIResponsesRequest({
      ...base,
      system: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Use metric units.', cacheControl: { type: 'ephemeral' } }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }, { type: 'image', source: { type: 'url', url: 'https://x/y.png' } }] },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', text: 'need tool', signature: 'sig' },
            { type: 'text', text: 'Checking.' },
            { type: 'tool_call', id: 'toolu_1', name: 'get_weather', arguments: { city: 'Paris' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', toolCallId: 'toolu_1', content: [{ type: 'text', text: '21C' }] },
            { type: 'text', text: 'And tomorrow?' },
          ],
        },
      ],
    });
    expect(value).toEqual({
      model: 'gpt-5',
      instructions: 'Be brief.\n\nUse metric units.',
      input: [
        {
          type: 'message',
          role: 'user',
          content: [{ type: 'input_text', text: 'Weather in Paris?' }, { type: 'input_image', image_url: 'https://x/y.png', detail: 'auto' }],
        },
        { type: 'message', role: 'assistant', content: 'Checking.' },
        { type: 'function_call', call_id: 'toolu_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call_output', call_id: 'toolu_1', output: '21C' },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'And tomorrow?' }] },
      ],
      store: false,
    });
    expect(warnings).toEqual([
      'dropped cache_control: openai-responses targets have no cache breakpoints (they cache prefixes on their own)',
      'dropped thinking of earlier turns: OpenAI takes back only reasoning it encrypted itself',
    ]);
    expect(validateOpenAIResponsesRequest(value).ok).toBe(true);
  });

  it('gives tool results with images as content parts, base64 images and files as data: URLs', () => {
    const { value, warnings } = encodeOpenAIResponsesRequest({
      ...base,
      messages: [
        { role: 'assistant', content: [{ type: 'tool_call', id: 'c1', name: 'shot', arguments: { _raw: '{bad' } }] },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              toolCallId: 'c1',
              isError: true,
              content: [{ type: 'text', text: 'see' }, { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'AAA' }, detail: 'low' }],
            },
            { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVB' } },
            { type: 'document', source: { type: 'text', text: 'plain doc' } },
          ],
        },
      ],
    });
    expect(value.input).toEqual([
      { type: 'function_call', call_id: 'c1', name: 'shot', arguments: '{bad' },
      {
        type: 'function_call_output',
        call_id: 'c1',
        output: [{ type: 'input_text', text: 'see' }, { type: 'input_image', image_url: 'data:image/png;base64,AAA', detail: 'low' }],
      },
      {
        type: 'message',
        role: 'user',
        content: [
          { type: 'input_file', filename: 'document.pdf', file_data: 'data:application/pdf;base64,JVB' },
          { type: 'input_text', text: 'plain doc' },
        ],
      },
    ]);
    expect(warnings).toEqual(['dropped tool_result is_error: function_call_output has no error flag']);
  });

  it('sends tools with strict false unless asked, and tool_choice and parallel_tool_calls only with tools', () => {
    const withTools = encodeOpenAIResponsesRequest({
      ...base,
      tools: [{ name: 'a', parameters: { type: 'object' } }, { name: 'b', description: 'B', parameters: { type: 'object' }, strict: true }],
      toolChoice: { type: 'tool', name: 'b' },
      parallelToolCalls: false,
    }).value;
    expect(withTools.tools).toEqual([
      { type: 'function', name: 'a', parameters: { type: 'object' }, strict: false },
      { type: 'function', name: 'b', parameters: { type: 'object' }, strict: true, description: 'B' },
    ]);
    expect(withTools.tool_choice).toEqual({ type: 'function', name: 'b' });
    expect(withTools.parallel_tool_calls).toBe(false);
    const without = encodeOpenAIResponsesRequest({ ...base, toolChoice: { type: 'required' }, parallelToolCalls: true }).value;
    expect(without).not.toHaveProperty('tool_choice');
    expect(without).not.toHaveProperty('parallel_tool_calls');
  });

  it.each([
    [{ reasoningEffort: 'low' as const }, { effort: 'low' }],
    [{ thinking: { type: 'enabled' as const, budgetTokens: 2048 } }, { effort: 'low' }],
    [{ thinking: { type: 'enabled' as const, budgetTokens: 8192 } }, { effort: 'medium' }],
    [{ thinking: { type: 'enabled' as const, budgetTokens: 30000 } }, { effort: 'high' }],
    [{ thinking: { type: 'adaptive' as const } }, undefined],
  ])('asks for reasoning %j as %j', (fields, reasoning) => {
    expect(encodeOpenAIResponsesRequest({ ...base, ...fields }).value.reasoning).toEqual(reasoning);
  });

  it('maps limits, sampling, format, user and metadata, and names what has no counterpart', () => {
    const { value, warnings } = encodeOpenAIResponsesRequest({
      ...base,
      stream: true,
      maxTokens: 8,
      temperature: 0.5,
      topP: 0.8,
      topK: 40,
      stopSequences: ['END'],
      seed: 1,
      presencePenalty: 0.1,
      responseFormat: { type: 'json_schema', name: 'x', schema: { type: 'object' }, strict: true },
      user: 'u'.repeat(100),
      metadata: { a: 'b' },
    });
    expect(value).toMatchObject({
      stream: true,
      max_output_tokens: 16,
      temperature: 0.5,
      top_p: 0.8,
      text: { format: { type: 'json_schema', name: 'x', schema: { type: 'object' }, strict: true } },
      metadata: { a: 'b' },
      store: false,
    });
    expect(value.user).toHaveLength(64);
    expect(warnings).toEqual([
      'raised max_output_tokens to 16, the Responses API\'s minimum',
      'dropped top_k: the Responses API does not take it',
      'dropped stop sequences: the Responses API has no stop parameter',
      'dropped seed: the Responses API does not take it',
      'dropped frequency and presence penalties: the Responses API does not take them',
      'sent "user" as its SHA-256 digest: OpenAI takes at most 64 characters',
    ]);
  });

  it('keeps the meaning of a Responses request through decode and encode', () => {
    const body = {
      model: 'gpt-5',
      instructions: 'Be brief.',
      input: [
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] },
        { type: 'message', role: 'assistant', content: 'Hello.' },
        { type: 'function_call', call_id: 'call_1', name: 'f', arguments: '{"a":1}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'ok' },
      ],
      tools: [{ type: 'function', name: 'f', parameters: { type: 'object' }, strict: false }],
      tool_choice: 'auto',
      max_output_tokens: 100,
      text: { format: { type: 'json_object' } },
      reasoning: { effort: 'medium' },
      store: false,
    } as OpenAIResponsesRequest;
    const decoded = decodeOpenAIResponsesRequest(body, ctx).value;
    expect(encodeOpenAIResponsesRequest(decoded).value).toEqual(body);
  });
});
