import { type OpenAIChatRequest, validateOpenAIChatRequest } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { decodeOpenAIChatRequest } from './decode-openai-chat-request';

function context(): TranslationContext {
  let next = 0;
  return { now: () => 0, newId: (prefix) => `${prefix}_${next++}`, requestModel: 'gpt-4o' };
}

/** Bodies go through the wire validator first, as in the gateway. */
function decode(body: Record<string, unknown>) {
  const validated = validateOpenAIChatRequest({ model: 'gpt-4o', ...body });
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return decodeOpenAIChatRequest(validated.value, context());
}

function decodeError(body: Record<string, unknown>): GatewayError {
  try {
    decode(body);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

describe('decodeOpenAIChatRequest', () => {
  it('moves system and developer messages to system, in order, and warns when one stood inside the conversation', () => {
    const { value, warnings } = decode({
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'system', content: '' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'user', content: 'Hi' },
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'Again' },
      ],
    });
    expect(value.system).toEqual([
      { type: 'text', text: 'You are terse.' },
      { type: 'text', text: 'Answer in French.' },
      { type: 'text', text: 'Be kind.' },
    ]);
    // The two user messages around the moved system message merge into one turn.
    expect(value.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'text', text: 'Again' }] }]);
    expect(warnings).toEqual(['moved system messages from inside the conversation to the top-level system prompt']);
  });

  it('decodes text and image parts: data URLs to base64 with their media type, http(s) URLs as URLs, detail kept', () => {
    const { value } = decode({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in these?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'high' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          ],
        },
      ],
    });
    expect(value.messages[0]!.content).toEqual([
      { type: 'text', text: 'What is in these?' },
      { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' }, detail: 'high' },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
    ]);
  });

  it.each([
    ['data:image/svg+xml,%3Csvg%3E', 'must be a base64 data: URL'],
    ['file:///etc/passwd', 'must be an http(s) URL or a base64 data: URL'],
  ])('refuses the image URL %s with a 400 naming the field', (url, message) => {
    const error = decodeError({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }] });
    expect(error.code).toBe('invalid_request');
    expect(error.status).toBe(400);
    expect(error.param).toBe('messages[0].content[0].image_url.url');
    expect(error.message).toContain(message);
  });

  it('turns PDF file parts into documents and drops audio and file ids with warnings', () => {
    const { value, warnings } = decode({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0x', filename: 'report.pdf' } },
            { type: 'file', file: { file_id: 'file-abc123' } },
            { type: 'input_audio', input_audio: { data: 'UklGR', format: 'wav' } },
            { type: 'text', text: 'Summarise.' },
          ],
        },
      ],
    });
    expect(value.messages[0]!.content).toEqual([
      { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0x' }, filename: 'report.pdf' },
      { type: 'text', text: 'Summarise.' },
    ]);
    expect(warnings).toEqual([
      "dropped file content given by file_id: the file lives in OpenAI's file store",
      'dropped input_audio content: no counterpart on other dialects',
    ]);
  });

  it('decodes assistant tool calls with parsed arguments and reasoning_content as unsigned thinking first', () => {
    const { value } = decode({
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: null,
          reasoning_content: 'Two cities, two calls.',
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '' } },
          ],
        },
      ],
    });
    expect(value.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', text: 'Two cities, two calls.' },
        { type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } },
        { type: 'tool_call', id: 'call_2', name: 'get_time', arguments: {} },
      ],
    });
  });

  it('refuses tool arguments that are not JSON with a 400 naming the exact field', () => {
    const error = decodeError({
      messages: [
        { role: 'user', content: 'Go' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'a', arguments: '{}' } },
            { id: 'call_2', type: 'function', function: { name: 'b', arguments: '{"city": Paris}' } },
          ],
        },
      ],
    });
    expect(error.code).toBe('invalid_request');
    expect(error.param).toBe('messages[1].tool_calls[1].function.arguments');
    expect(error.message).toBe('messages[1].tool_calls[1].function.arguments is not valid JSON');
  });

  it('puts consecutive tool messages, and a user message after them, into one user turn', () => {
    const { value } = decode({
      messages: [
        { role: 'user', content: 'Go' },
        {
          role: 'assistant',
          content: 'Calling both.',
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'a', arguments: '{}' } },
            { id: 'call_2', type: 'function', function: { name: 'b', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
        { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '12:00' }] },
        { role: 'user', content: 'Thanks' },
      ],
    });
    expect(value.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(value.messages[2]!.content).toEqual([
      { type: 'tool_result', toolCallId: 'call_1', content: [{ type: 'text', text: 'sunny' }] },
      { type: 'tool_result', toolCallId: 'call_2', content: [{ type: 'text', text: '12:00' }] },
      { type: 'text', text: 'Thanks' },
    ]);
  });

  it('merges consecutive assistant messages and leaves empty tool results empty', () => {
    const { value } = decode({
      messages: [
        { role: 'user', content: 'Go' },
        { role: 'assistant', content: 'First.' },
        { role: 'assistant', content: 'Second.', tool_calls: [{ id: 'c', type: 'function', function: { name: 'a', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c', content: '' },
      ],
    });
    expect(value.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Go' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'First.' },
          { type: 'text', text: 'Second.' },
          { type: 'tool_call', id: 'c', name: 'a', arguments: {} },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', toolCallId: 'c', content: [] }] },
    ]);
  });

  it('refuses a tool message without tool_call_id and an unknown role', () => {
    expect(decodeError({ messages: [{ role: 'tool', content: 'x' }] }).param).toBe('messages[0].tool_call_id');
    expect(decodeError({ messages: [{ role: 'ipython', content: 'x' }] }).param).toBe('messages[0].role');
  });

  it('maps the deprecated function_call and function messages onto tool calls and results with made-up ids', () => {
    const { value } = decode({
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: null, function_call: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
        { role: 'function', name: 'get_weather', content: 'snow' },
      ],
      functions: [{ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      function_call: { name: 'get_weather' },
    });
    expect(value.messages[1]!.content).toEqual([{ type: 'tool_call', id: 'call_0', name: 'get_weather', arguments: { city: 'Oslo' } }]);
    expect(value.messages[2]!.content).toEqual([{ type: 'tool_result', toolCallId: 'call_0', content: [{ type: 'text', text: 'snow' }] }]);
    expect(value.tools).toEqual([
      { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
    ]);
    expect(value.toolChoice).toEqual({ type: 'tool', name: 'get_weather' });
  });

  it('decodes function tools and drops custom tools with a warning', () => {
    const { value, warnings } = decode({
      messages: [{ role: 'user', content: 'x' }],
      tools: [
        { type: 'function', function: { name: 'lookup', description: 'Look up', parameters: { type: 'object' }, strict: true } },
        { type: 'function', function: { name: 'now' } },
        { type: 'custom', custom: { name: 'grammar_tool' } },
      ],
    });
    expect(value.tools).toEqual([
      { name: 'lookup', description: 'Look up', parameters: { type: 'object' }, strict: true },
      { name: 'now', parameters: { type: 'object', properties: {} } },
    ]);
    expect(warnings).toEqual(['dropped tools of type "custom": only function tools translate']);
  });

  it.each([
    ['auto', { type: 'auto' }],
    ['none', { type: 'none' }],
    ['required', { type: 'required' }],
    [{ type: 'function', function: { name: 'lookup' } }, { type: 'tool', name: 'lookup' }],
    [{ type: 'allowed_tools', allowed_tools: { mode: 'required', tools: [] } }, { type: 'required' }],
  ])('decodes tool_choice %j', (toolChoice, expected) => {
    expect(decode({ messages: [{ role: 'user', content: 'x' }], tool_choice: toolChoice }).value.toolChoice).toEqual(expected);
  });

  it('decodes sampling, limits and the other fields that have a counterpart', () => {
    const { value, warnings, includeUsage } = decode({
      messages: [{ role: 'user', content: 'x' }],
      max_tokens: 100,
      max_completion_tokens: 200,
      temperature: 0.2,
      top_p: 0.9,
      top_k: 40,
      stop: 'END',
      stream: true,
      stream_options: { include_usage: true },
      parallel_tool_calls: false,
      reasoning_effort: 'high',
      user: 'user-42',
      seed: 7,
      frequency_penalty: 0.5,
      presence_penalty: -0.5,
      metadata: { team: 'search' },
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' }, strict: true } },
    });
    expect(value).toMatchObject({
      maxTokens: 200,
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      stopSequences: ['END'],
      stream: true,
      parallelToolCalls: false,
      reasoningEffort: 'high',
      user: 'user-42',
      seed: 7,
      frequencyPenalty: 0.5,
      presencePenalty: -0.5,
      metadata: { team: 'search' },
      responseFormat: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true },
    });
    expect(includeUsage).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('reports include_usage only for streamed requests', () => {
    expect(decode({ messages: [], stream_options: { include_usage: true } }).includeUsage).toBe(false);
    expect(decode({ messages: [], stream: true }).includeUsage).toBe(false);
  });

  it.each([
    ['none', { thinking: { type: 'disabled' } }, []],
    ['minimal', { reasoningEffort: 'minimal' }, []],
    ['max', { reasoningEffort: 'xhigh' }, ['changed reasoning_effort "max" to "xhigh": the highest effort other dialects know']],
    ['extreme', {}, ['dropped reasoning_effort "extreme": not a known effort']],
  ])('decodes reasoning_effort %s', (effort, expected, expectedWarnings) => {
    const { value, warnings } = decode({ messages: [], reasoning_effort: effort });
    expect(value).toMatchObject(expected);
    if (effort === 'extreme') expect(value.reasoningEffort).toBeUndefined();
    expect(warnings).toEqual(expectedWarnings);
  });

  it('refuses n > 1 with a 400 on param n, and takes n = 1', () => {
    const error = decodeError({ messages: [], n: 3 });
    expect(error).toMatchObject({ code: 'invalid_request', status: 400, param: 'n' });
    expect(decode({ messages: [], n: 1 }).warnings).toEqual([]);
  });

  it('drops fields with no counterpart, each named once, and ignores those set to null or false', () => {
    const { warnings } = decode({
      messages: [],
      logprobs: true,
      top_logprobs: 3,
      logit_bias: { '50256': -100 },
      audio: { voice: 'alloy', format: 'wav' },
      modalities: ['text', 'audio'],
      prediction: { type: 'content', content: 'x' },
      service_tier: 'flex',
      web_search_options: {},
      store: false,
      verbosity: null,
    });
    expect(warnings).toEqual([
      'dropped "logprobs": not carried across dialects',
      'dropped "top_logprobs": not carried across dialects',
      'dropped "logit_bias": not carried across dialects',
      'dropped "audio": not carried across dialects',
      'dropped "modalities": not carried across dialects',
      'dropped "prediction": not carried across dialects',
      'dropped "service_tier": not carried across dialects',
      'dropped "web_search_options": not carried across dialects',
    ]);
  });

  it('takes safety_identifier as the end-user id when user is absent', () => {
    expect(decode({ messages: [], safety_identifier: 'hash-1' }).value.user).toBe('hash-1');
  });

  it('does not change the body it was given', () => {
    const body = {
      model: 'gpt-4o',
      messages: [
        { role: 'user', content: 'a' },
        { role: 'user', content: [{ type: 'text', text: 'b' }] },
      ],
      stop: ['x'],
    } as OpenAIChatRequest;
    const before = structuredClone(body);
    const { value } = decodeOpenAIChatRequest(body, context());
    value.messages[0]!.content.push({ type: 'text', text: 'mutated' });
    value.stopSequences!.push('y');
    expect(body).toEqual(before);
  });
});
