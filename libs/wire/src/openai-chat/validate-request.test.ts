import { describe, expect, it } from 'vitest';
import { validateOpenAIChatRequest } from './validate-request';

// Request bodies as in https://platform.openai.com/docs/api-reference/chat/create
const weatherTool = {
  type: 'function',
  function: {
    name: 'get_current_weather',
    description: 'Get the current weather in a given location',
    parameters: {
      type: 'object',
      properties: { location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['location'],
    },
  },
};

const validRequests: Record<string, unknown> = {
  'the default example': {
    model: 'gpt-4.1',
    messages: [
      { role: 'developer', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'Hello!' },
    ],
  },
  'image input': {
    model: 'gpt-4.1',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: "What's in this image?" },
          { type: 'image_url', image_url: { url: 'https://upload.wikimedia.org/wikipedia/commons/boardwalk.jpg', detail: 'high' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
    ],
    max_tokens: 300,
  },
  streaming: {
    model: 'gpt-4.1',
    messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: 'Hello!' }],
    stream: true,
    stream_options: { include_usage: true },
  },
  'functions, with a full tool-call round trip': {
    model: 'gpt-4.1',
    messages: [
      { role: 'user', content: "What's the weather like in Boston today?" },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_abc123', type: 'function', function: { name: 'get_current_weather', arguments: '{"location":"Boston, MA"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_abc123', content: '{"temperature":"22","unit":"celsius"}' },
    ],
    tools: [weatherTool],
    tool_choice: 'auto',
    parallel_tool_calls: false,
  },
  'a named tool choice': {
    model: 'gpt-4.1',
    messages: [{ role: 'user', content: 'weather?' }],
    tools: [weatherTool],
    tool_choice: { type: 'function', function: { name: 'get_current_weather' } },
  },
  'logprobs and sampling options': {
    model: 'gpt-4.1',
    messages: [{ role: 'user', content: 'Hello!' }],
    logprobs: true,
    top_logprobs: 2,
    temperature: 0.2,
    top_p: 0.9,
    n: 2,
    stop: ['\n\n', 'END'],
    seed: 42,
    presence_penalty: 0.5,
    frequency_penalty: -0.5,
    user: 'user-1234',
    metadata: { team: 'research' },
  },
  'structured output and reasoning': {
    model: 'o4-mini',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Extract the event.' }] }],
    reasoning_effort: 'low',
    max_completion_tokens: 2000,
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'event', strict: true, schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false } },
    },
  },
  'nulls where OpenAI allows them': {
    model: 'gpt-4.1',
    messages: [{ role: 'user', content: 'Hi' }],
    max_tokens: null,
    temperature: null,
    stop: null,
    stream_options: null,
  },
  'unknown fields, parts and roles': {
    model: 'gpt-4.1',
    messages: [
      { role: 'user', content: [{ type: 'input_video', video: { url: 'https://x' } }], some_new_message_field: true },
      { role: 'assistant', content: 'thinking done', reasoning_content: 'The user said hi.' },
      { role: 'critic', content: 'a role from the future' },
    ],
    prompt_cache_key: 'abc',
    verbosity: 'low',
    web_search_options: {},
    some_future_param: { nested: [1, 2, 3] },
  },
  'audio and file parts': {
    model: 'gpt-4o-audio-preview',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          { type: 'file', file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' } },
        ],
      },
    ],
  },
};

describe('validateOpenAIChatRequest', () => {
  it.each(Object.entries(validRequests))('accepts %s', (_name, body) => {
    const result = validateOpenAIChatRequest(body);
    expect(result).toEqual({ ok: true, value: body });
  });

  const base = { model: 'gpt-4.1', messages: [{ role: 'user', content: 'Hi' }] };
  it.each<[string, Record<string, unknown>, string, string]>([
    ['no model', { messages: base.messages }, 'model', 'required'],
    ['a numeric model', { ...base, model: 4 }, 'model', 'expected a string'],
    ['no messages', { model: 'gpt-4.1' }, 'messages', 'required'],
    ['messages as an object', { ...base, messages: { role: 'user' } }, 'messages', 'expected an array'],
    ['a message that is a string', { ...base, messages: ['hi'] }, 'messages[0]', 'expected an object'],
    ['a message without role', { ...base, messages: [{ content: 'hi' }] }, 'messages[0].role', 'required'],
    ['a numeric role', { ...base, messages: [{ role: 1, content: 'hi' }] }, 'messages[0].role', 'expected a string'],
    ['numeric content', { ...base, messages: [{ role: 'user', content: 5 }] }, 'messages[0].content', 'expected a string, an array or null'],
    ['a text part without text', { ...base, messages: [{ role: 'user', content: [{ type: 'text' }] }] }, 'messages[0].content[0].text', 'required'],
    ['an image part without url', { ...base, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }] }, 'messages[0].content[0].image_url.url', 'required'],
    ['a part without type', { ...base, messages: [{ role: 'user', content: [{ text: 'hi' }] }] }, 'messages[0].content[0].type', 'required'],
    ['tool_calls as an object', { ...base, messages: [{ role: 'assistant', tool_calls: {} }] }, 'messages[0].tool_calls', 'expected an array'],
    ['a tool call with object arguments', { ...base, messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: {} } }] }] }, 'messages[0].tool_calls[0].function.arguments', 'expected a string'],
    ['max_tokens as a string', { ...base, max_tokens: '100' }, 'max_tokens', 'expected an integer'],
    ['a fractional max_tokens', { ...base, max_tokens: 10.5 }, 'max_tokens', 'expected an integer'],
    ['max_tokens of 0', { ...base, max_tokens: 0 }, 'max_tokens', 'must be at least 1'],
    ['max_completion_tokens of -5', { ...base, max_completion_tokens: -5 }, 'max_completion_tokens', 'must be at least 1'],
    ['temperature as a string', { ...base, temperature: 'hot' }, 'temperature', 'expected a number'],
    ['top_p as a boolean', { ...base, top_p: true }, 'top_p', 'expected a number'],
    ['a fractional n', { ...base, n: 1.5 }, 'n', 'expected an integer'],
    ['stream as a string', { ...base, stream: 'true' }, 'stream', 'expected a boolean'],
    ['stream_options as a boolean', { ...base, stream_options: true }, 'stream_options', 'expected an object'],
    ['include_usage as a string', { ...base, stream_options: { include_usage: 'yes' } }, 'stream_options.include_usage', 'expected a boolean'],
    ['stop as a number', { ...base, stop: 5 }, 'stop', 'expected a string or an array'],
    ['a number among the stops', { ...base, stop: ['a', 5] }, 'stop[1]', 'expected a string'],
    ['tools as an object', { ...base, tools: weatherTool }, 'tools', 'expected an array'],
    ['a function tool without name', { ...base, tools: [{ type: 'function', function: { parameters: {} } }] }, 'tools[0].function.name', 'required'],
    ['tool parameters as a string', { ...base, tools: [{ type: 'function', function: { name: 'f', parameters: '{}' } }] }, 'tools[0].function.parameters', 'expected an object'],
    ['tool_choice as a number', { ...base, tool_choice: 1 }, 'tool_choice', 'expected a string or an object'],
    ['a function tool_choice without name', { ...base, tool_choice: { type: 'function', function: {} } }, 'tool_choice.function.name', 'required'],
    ['response_format as a string', { ...base, response_format: 'json' }, 'response_format', 'expected an object'],
    ['a json_schema format without name', { ...base, response_format: { type: 'json_schema', json_schema: { schema: {} } } }, 'response_format.json_schema.name', 'required'],
    ['reasoning_effort as a number', { ...base, reasoning_effort: 2 }, 'reasoning_effort', 'expected a string'],
    ['user as a number', { ...base, user: 7 }, 'user', 'expected a string'],
    ['parallel_tool_calls as a string', { ...base, parallel_tool_calls: 'no' }, 'parallel_tool_calls', 'expected a boolean'],
    ['metadata with a number value', { ...base, metadata: { a: 1 } }, 'metadata.a', 'expected a string'],
  ])('rejects %s', (_name, body, path, message) => {
    expect(validateOpenAIChatRequest(body)).toEqual({ ok: false, issues: [{ path, message }] });
  });

  it.each([undefined, null, '', '{"model":"x"}', [], 3])('rejects a body that is not an object: %j', (body) => {
    expect(validateOpenAIChatRequest(body)).toEqual({ ok: false, issues: [{ path: '', message: 'expected a JSON object' }] });
  });

  it('names model first for an empty object', () => {
    const result = validateOpenAIChatRequest({});
    expect(result.ok === false && result.issues[0]).toEqual({ path: 'model', message: 'required' });
  });
});
