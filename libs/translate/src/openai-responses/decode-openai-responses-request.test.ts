import { type OpenAIResponsesRequest, validateOpenAIResponsesRequest } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { decodeOpenAIResponsesRequest } from './decode-openai-responses-request';

const ctx: TranslationContext = { now: () => 0, newId: (prefix) => `${prefix}_1`, requestModel: 'm' };

/** Decodes a body as the gateway does: validated first. */
function decode(body: Record<string, unknown>) {
  const validated = validateOpenAIResponsesRequest({ model: 'gpt-4.1', ...body });
  if (!validated.ok) throw new Error(`invalid test body: ${JSON.stringify(validated.issues)}`);
  return decodeOpenAIResponsesRequest(validated.value as OpenAIResponsesRequest, ctx);
}

function rejection(body: Record<string, unknown>): GatewayError {
  try {
    decode(body);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

describe('decodeOpenAIResponsesRequest', () => {
  it('reads a string input as one user turn and instructions as the first system part', () => {
    const { value, warnings, includeUsage } = decode({ input: 'Hello', instructions: 'Be brief.', stream: true });
    expect(value).toEqual({
      model: 'gpt-4.1',
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
      stream: true,
    });
    expect(warnings).toEqual([]);
    expect(includeUsage).toBe(true);
  });

  it('keeps the input apart from instructions, for the conversation store', () => {
    const { input } = decode({
      instructions: 'Be brief.',
      input: [{ role: 'developer', content: 'Answer in French.' }, { role: 'user', content: 'Hi' }],
    });
    expect(input.system).toEqual([{ type: 'text', text: 'Answer in French.' }]);
    expect(input.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
  });

  it('reads a conversation of messages, function calls, their outputs and reasoning, merging turns of one role', () => {
    const { value, warnings } = decode({
      input: [
        { role: 'system', content: 'You are terse.' },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Weather in Paris?' }] },
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Need the tool.' }], encrypted_content: 'gAAAA' },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Checking.', annotations: [] }] },
        { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call_output', call_id: 'call_1', output: '{"temp":21}' },
        { role: 'user', content: 'Thanks' },
      ],
    });
    expect(value.system).toEqual([{ type: 'text', text: 'You are terse.' }]);
    expect(value.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', text: 'Need the tool.' },
          { type: 'text', text: 'Checking.' },
          { type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', toolCallId: 'call_1', content: [{ type: 'text', text: '{"temp":21}' }] },
          { type: 'text', text: 'Thanks' },
        ],
      },
    ]);
    expect(warnings).toEqual(['dropped reasoning encrypted_content: only OpenAI can read it']);
  });

  it('reads images as data: and https URLs, with their detail, and files inline or by URL', () => {
    const { value } = decode({
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'high' },
            { type: 'input_image', image_url: 'https://example.com/cat.jpg' },
            { type: 'input_file', filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' },
            { type: 'input_file', file_url: 'https://example.com/b.pdf' },
          ],
        },
      ],
    });
    expect(value.messages[0]!.content).toEqual([
      { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' }, detail: 'high' },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
      { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, filename: 'a.pdf' },
      { type: 'document', source: { type: 'url', url: 'https://example.com/b.pdf' } },
    ]);
  });

  it('reads a function call output given as content parts', () => {
    const { value } = decode({
      input: [
        { type: 'function_call', call_id: 'call_9', name: 'screenshot', arguments: '' },
        {
          type: 'function_call_output',
          call_id: 'call_9',
          output: [{ type: 'input_text', text: 'here' }, { type: 'input_image', image_url: 'https://example.com/s.png' }],
        },
      ],
    });
    expect(value.messages).toEqual([
      { role: 'assistant', content: [{ type: 'tool_call', id: 'call_9', name: 'screenshot', arguments: {} }] },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            toolCallId: 'call_9',
            content: [{ type: 'text', text: 'here' }, { type: 'image', source: { type: 'url', url: 'https://example.com/s.png' } }],
          },
        ],
      },
    ]);
  });

  it('prefers a reasoning item\'s own text to its summary', () => {
    const { value } = decode({
      input: [
        { type: 'reasoning', summary: [{ type: 'summary_text', text: 'short' }], content: [{ type: 'reasoning_text', text: 'the full thought' }] },
        { role: 'assistant', content: 'Done.' },
      ],
    });
    expect(value.messages[0]!.content).toEqual([{ type: 'thinking', text: 'the full thought' }, { type: 'text', text: 'Done.' }]);
  });

  it.each([
    [
      'function call arguments that are not JSON',
      { input: [{ role: 'user', content: 'x' }, { role: 'assistant', content: 'y' }, { role: 'user', content: 'z' }, { type: 'function_call', call_id: 'c', name: 'n', arguments: '{oops' }] },
      'input[3].arguments',
    ],
    ['an image by file_id', { input: [{ role: 'user', content: [{ type: 'input_image', file_id: 'file-abc' }] }] }, 'input[0].content[0].file_id'],
    ['a file by file_id', { input: [{ role: 'user', content: [{ type: 'input_file', file_id: 'file-abc' }] }] }, 'input[0].content[0].file_id'],
    ['an image URL of another scheme', { input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'ftp://x/y.png' }] }] }, 'input[0].content[0].image_url'],
    ['a data: URL that is not base64', { input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'data:image/png,abc' }] }] }, 'input[0].content[0].image_url'],
    ['an unknown role', { input: [{ role: 'tool', content: 'x' }] }, 'input[0].role'],
    ['an item reference', { input: [{ type: 'item_reference', id: 'msg_1' }] }, 'input[0]'],
    ['a stored conversation', { input: 'x', conversation: 'conv_1' }, 'conversation'],
    ['a stored prompt', { input: 'x', prompt: { id: 'pmpt_1' } }, 'prompt'],
  ])('answers 400 naming the field for %s', (_case, body, param) => {
    const error = rejection(body);
    expect(error.code).toBe('invalid_request');
    expect(error.status).toBe(400);
    expect(error.param).toBe(param);
    expect(error.message).toContain(param);
  });

  it('reads function tools and drops built-in tools with a warning', () => {
    const { value, warnings } = decode({
      input: 'x',
      tools: [
        { type: 'function', name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true },
        { type: 'function', name: 'now' },
        { type: 'web_search' },
        { type: 'file_search', vector_store_ids: ['vs_1'] },
        { type: 'code_interpreter', container: { type: 'auto' } },
      ],
      tool_choice: { type: 'function', name: 'get_weather' },
      parallel_tool_calls: false,
    });
    expect(value.tools).toEqual([
      { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true },
      { name: 'now', parameters: { type: 'object', properties: {} } },
    ]);
    expect(value.toolChoice).toEqual({ type: 'tool', name: 'get_weather' });
    expect(value.parallelToolCalls).toBe(false);
    expect(warnings).toEqual([
      'dropped tools of type "web_search": built-in tools run inside OpenAI, other targets have none',
      'dropped tools of type "file_search": built-in tools run inside OpenAI, other targets have none',
      'dropped tools of type "code_interpreter": built-in tools run inside OpenAI, other targets have none',
    ]);
  });

  it.each([
    ['auto', { type: 'auto' }],
    ['none', { type: 'none' }],
    ['required', { type: 'required' }],
    [{ type: 'function', name: 'f' }, { type: 'tool', name: 'f' }],
    [{ type: 'allowed_tools', mode: 'required', tools: [] }, { type: 'required' }],
    [{ type: 'web_search_preview' }, undefined],
  ])('reads tool_choice %j', (toolChoice, expected) => {
    expect(decode({ input: 'x', tool_choice: toolChoice }).value.toolChoice).toEqual(expected);
  });

  it('reads sampling, limits, metadata, user, reasoning effort and structured output', () => {
    const { value, warnings } = decode({
      input: 'x',
      max_output_tokens: 500,
      temperature: 0.2,
      top_p: 0.9,
      metadata: { ticket: '42' },
      user: 'user-7',
      reasoning: { effort: 'high', summary: 'auto' },
      text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true, description: 'The answer' } },
      store: false,
      previous_response_id: 'resp_1',
      truncation: 'disabled',
      stream_options: { include_obfuscation: false },
    });
    expect(value).toMatchObject({
      maxTokens: 500,
      temperature: 0.2,
      topP: 0.9,
      metadata: { ticket: '42' },
      user: 'user-7',
      reasoningEffort: 'high',
      responseFormat: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true, description: 'The answer' },
    });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['none', { thinking: { type: 'disabled' } }],
    ['minimal', { reasoningEffort: 'minimal' }],
    ['xhigh', { reasoningEffort: 'xhigh' }],
  ])('reads reasoning.effort %s', (effort, expected) => {
    expect(decode({ input: 'x', reasoning: { effort } }).value).toMatchObject(expected);
  });

  it('reads json_object and names what it drops', () => {
    const { value, warnings } = decode({
      input: 'x',
      text: { format: { type: 'json_object' }, verbosity: 'low' },
      include: ['reasoning.encrypted_content'],
      truncation: 'auto',
      background: true,
      prompt_cache_key: 'k',
      reasoning: { effort: 'extreme' },
    });
    expect(value.responseFormat).toEqual({ type: 'json_object' });
    expect(warnings).toEqual([
      'dropped reasoning.effort "extreme": not a known effort',
      'dropped text.verbosity: no counterpart on other dialects',
      'dropped "include": not carried across dialects',
      'dropped "truncation": not carried across dialects',
      'dropped "background": not carried across dialects',
      'dropped "prompt_cache_key": not carried across dialects',
    ]);
  });

  it('does not change the body it was given', () => {
    const body = { model: 'gpt-4.1', input: [{ role: 'user', content: 'x' }], metadata: { a: 'b' } } as OpenAIResponsesRequest;
    const before = structuredClone(body);
    const { value } = decodeOpenAIResponsesRequest(body, ctx);
    value.metadata!.a = 'changed';
    expect(body).toEqual(before);
  });
});
