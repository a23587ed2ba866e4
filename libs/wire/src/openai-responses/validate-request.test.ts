import { describe, expect, it } from 'vitest';
import { validateOpenAIResponsesRequest } from './validate-request';

// Request bodies as in https://platform.openai.com/docs/api-reference/responses/create and its guides.
const weatherTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Get current temperature for a given location.',
  parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'], additionalProperties: false },
  strict: true,
};

const validRequests: Record<string, unknown> = {
  'text input': { model: 'gpt-4.1', input: 'Tell me a three sentence bedtime story about a unicorn.' },
  'instructions and sampling': {
    model: 'gpt-4.1',
    instructions: 'Talk like a pirate.',
    input: 'Are semicolons optional in JavaScript?',
    temperature: 0.7,
    top_p: 1,
    max_output_tokens: 500,
    metadata: { session: 'abc' },
    user: 'user-1',
    truncation: 'auto',
  },
  'image input': {
    model: 'gpt-4.1',
    input: [
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'what is in this image?' },
          { type: 'input_image', image_url: 'https://upload.wikimedia.org/boardwalk.jpg', detail: 'auto' },
          { type: 'input_file', filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' },
        ],
      },
    ],
  },
  'function calling, with a full round trip': {
    model: 'gpt-4.1',
    tools: [weatherTool],
    tool_choice: 'auto',
    parallel_tool_calls: true,
    input: [
      { role: 'user', content: 'What is the weather like in Paris today?' },
      { type: 'function_call', id: 'fc_12345', call_id: 'call_12345', name: 'get_weather', arguments: '{"location":"Paris, France"}' },
      { type: 'function_call_output', call_id: 'call_12345', output: '{"temperature": 14}' },
    ],
  },
  'a named tool choice and a built-in tool': {
    model: 'gpt-4.1',
    input: 'news?',
    tools: [weatherTool, { type: 'web_search' }, { type: 'file_search', vector_store_ids: ['vs_1'] }],
    tool_choice: { type: 'function', name: 'get_weather' },
  },
  'reasoning, with items handed back statelessly': {
    model: 'o4-mini',
    reasoning: { effort: 'high', summary: 'auto' },
    store: false,
    include: ['reasoning.encrypted_content'],
    input: [
      { type: 'message', role: 'developer', content: 'Be brief.' },
      { role: 'user', content: 'Solve it.' },
      { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Thinking about it.' }], encrypted_content: 'gAAAAAB' },
      { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Done.', annotations: [] }] },
      { role: 'user', content: 'And now?' },
    ],
  },
  'conversation state by previous_response_id': {
    model: 'gpt-4.1',
    previous_response_id: 'resp_68af4030592c81938ec0a5fbab4a3e9f',
    store: true,
    stream: true,
    input: [{ role: 'user', content: 'explain why this is funny.' }],
  },
  'item references without type': {
    model: 'gpt-4.1',
    input: [{ id: 'msg_abc' }, { type: 'item_reference', id: 'fc_1' }, { role: 'user', content: 'continue' }],
  },
  'structured output': {
    model: 'gpt-4.1',
    input: 'Jane, 54 years old',
    text: {
      format: { type: 'json_schema', name: 'person', strict: true, schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
      verbosity: 'low',
    },
  },
  'unknown fields and item types': {
    model: 'gpt-5',
    input: [
      { type: 'web_search_call', id: 'ws_1', status: 'completed' },
      { type: 'computer_call_output', call_id: 'c1', output: { type: 'computer_screenshot', image_url: 'data:...' } },
      { role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'x', format: 'wav' } }] },
    ],
    prompt_cache_key: 'key',
    service_tier: 'flex',
    some_future_param: true,
  },
};

describe('validateOpenAIResponsesRequest', () => {
  it.each(Object.entries(validRequests))('accepts %s', (_name, body) => {
    expect(validateOpenAIResponsesRequest(body)).toEqual({ ok: true, value: body });
  });

  const base = { model: 'gpt-4.1', input: 'Hi' };
  const withInput = (input: unknown) => ({ ...base, input });
  it.each<[string, Record<string, unknown>, string, string]>([
    ['no model', { input: 'hi' }, 'model', 'required'],
    ['input as a number', withInput(5), 'input', 'expected a string or an array'],
    ['an item that is a string', withInput(['hi']), 'input[0]', 'expected an object'],
    ['a message without content', withInput([{ role: 'user' }]), 'input[0].content', 'required'],
    ['a message with numeric content', withInput([{ role: 'user', content: 3 }]), 'input[0].content', 'expected a string or an array'],
    ['an input_text part without text', withInput([{ role: 'user', content: [{ type: 'input_text' }] }]), 'input[0].content[0].text', 'required'],
    ['a typed message without role', withInput([{ type: 'message', content: 'hi' }]), 'input[0].role', 'required'],
    ['a function_call without call_id', withInput([{ type: 'function_call', name: 'f', arguments: '{}' }]), 'input[0].call_id', 'required'],
    ['function_call arguments as an object', withInput([{ type: 'function_call', call_id: 'c', name: 'f', arguments: {} }]), 'input[0].arguments', 'expected a string'],
    ['a function_call_output without output', withInput([{ type: 'function_call_output', call_id: 'c' }]), 'input[0].output', 'required'],
    ['a reasoning item without summary', withInput([{ type: 'reasoning', id: 'rs_1' }]), 'input[0].summary', 'required'],
    ['an item reference with a numeric id', withInput([{ id: 7 }]), 'input[0].id', 'expected a string'],
    ['instructions as an array', { ...base, instructions: ['a'] }, 'instructions', 'expected a string'],
    ['max_output_tokens of 0', { ...base, max_output_tokens: 0 }, 'max_output_tokens', 'must be at least 1'],
    ['max_output_tokens as a string', { ...base, max_output_tokens: '100' }, 'max_output_tokens', 'expected an integer'],
    ['temperature as a string', { ...base, temperature: 'low' }, 'temperature', 'expected a number'],
    ['top_p as a string', { ...base, top_p: '1' }, 'top_p', 'expected a number'],
    ['metadata with a number value', { ...base, metadata: { a: 1 } }, 'metadata.a', 'expected a string'],
    ['store as a string', { ...base, store: 'true' }, 'store', 'expected a boolean'],
    ['previous_response_id as a number', { ...base, previous_response_id: 1 }, 'previous_response_id', 'expected a string'],
    ['reasoning as a string', { ...base, reasoning: 'high' }, 'reasoning', 'expected an object'],
    ['reasoning.effort as a number', { ...base, reasoning: { effort: 1 } }, 'reasoning.effort', 'expected a string'],
    ['a json_schema format without name', { ...base, text: { format: { type: 'json_schema', schema: {} } } }, 'text.format.name', 'required'],
    ['a function tool without name', { ...base, tools: [{ type: 'function', parameters: {} }] }, 'tools[0].name', 'required'],
    ['tools as an object', { ...base, tools: {} }, 'tools', 'expected an array'],
    ['a function tool_choice without name', { ...base, tool_choice: { type: 'function' } }, 'tool_choice.name', 'required'],
    ['stream as a string', { ...base, stream: 'true' }, 'stream', 'expected a boolean'],
  ])('rejects %s', (_name, body, path, message) => {
    expect(validateOpenAIResponsesRequest(body)).toEqual({ ok: false, issues: [{ path, message }] });
  });

  it.each([undefined, null, '', 'input', [], false])('rejects a body that is not an object: %j', (body) => {
    expect(validateOpenAIResponsesRequest(body)).toEqual({ ok: false, issues: [{ path: '', message: 'expected a JSON object' }] });
  });
});
