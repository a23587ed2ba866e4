import { describe, expect, it } from 'vitest';
import { validateAnthropicCountTokensRequest, validateAnthropicMessagesRequest } from './validate-request';

// Request bodies as in https://docs.claude.com/en/api/messages and the feature guides it links.
const getWeather = {
  name: 'get_weather',
  description: 'Get the current weather in a given location',
  input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
};

const claudeCodeStyleRequest = {
  model: 'claude-opus-4-6',
  max_tokens: 32000,
  stream: true,
  system: [
    { type: 'text', text: "You are Claude Code, Anthropic's official CLI for Claude." },
    { type: 'text', text: 'Long instructions...', cache_control: { type: 'ephemeral' } },
  ],
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: '<system-reminder>context</system-reminder>' },
        { type: 'text', text: 'Fix the failing test', cache_control: { type: 'ephemeral', ttl: '1h' } },
      ],
    },
    {
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Let me look at the test.', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds' },
        { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP' },
        { type: 'tool_use', id: 'toolu_01A', name: 'Read', input: { file_path: '/repo/a.test.ts' } },
      ],
    },
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'toolu_01A', content: 'export {}', cache_control: { type: 'ephemeral' } },
      ],
    },
  ],
  tools: [
    { ...getWeather, name: 'Read' },
    { ...getWeather, name: 'Bash', cache_control: { type: 'ephemeral' } },
    { type: 'web_search_20250305', name: 'web_search', max_uses: 5 },
  ],
  tool_choice: { type: 'auto' },
  thinking: { type: 'adaptive' },
  output_config: { effort: 'medium' },
  context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
  metadata: { user_id: 'user_3f2a_account_9c1b_session_77d0' },
  temperature: 1,
};

const validRequests: Record<string, unknown> = {
  'the basic example': { model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Hello, world' }] },
  'a system prompt and sampling options': {
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    system: 'You are a pirate.',
    messages: [{ role: 'user', content: 'Hello' }, { role: 'assistant', content: 'Ahoy' }, { role: 'user', content: 'Again' }],
    temperature: 0.5,
    top_p: 0.9,
    top_k: 40,
    stop_sequences: ['\n\nHuman:'],
    service_tier: 'auto',
  },
  'images from base64 and URL': {
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/4AAQSkZJRg==' } },
          { type: 'image', source: { type: 'url', url: 'https://upload.wikimedia.org/ant.jpg' } },
          { type: 'image', source: { type: 'file', file_id: 'file_011' } },
          { type: 'text', text: 'Compare these images.' },
        ],
      },
    ],
  },
  'documents with citations': {
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQ=' }, title: 'Report', citations: { enabled: true } },
          { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'The grass is green.' }, context: 'a note' },
          { type: 'document', source: { type: 'content', content: [{ type: 'text', text: 'chunk one' }] } },
          { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' }, cache_control: { type: 'ephemeral' } },
          { type: 'text', text: 'What colour is the grass?' },
        ],
      },
    ],
  },
  'a tool use round trip': {
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    tools: [getWeather],
    tool_choice: { type: 'tool', name: 'get_weather', disable_parallel_tool_use: true },
    messages: [
      { role: 'user', content: 'What is the weather like in San Francisco?' },
      { role: 'assistant', content: [{ type: 'text', text: 'Let me check.' }, { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { location: 'San Francisco, CA' } }] },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'toolu_01',
            is_error: false,
            content: [
              { type: 'text', text: '15 degrees' },
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            ],
          },
        ],
      },
    ],
  },
  'extended thinking with a budget': {
    model: 'claude-sonnet-4-5',
    max_tokens: 16000,
    thinking: { type: 'enabled', budget_tokens: 10000 },
    messages: [{ role: 'user', content: 'Are there an infinite number of primes p such that p mod 4 == 3?' }],
  },
  'thinking disabled and tool choice none': {
    model: 'claude-sonnet-4-5',
    max_tokens: 100,
    thinking: { type: 'disabled' },
    tool_choice: { type: 'none' },
    tools: [getWeather],
    messages: [{ role: 'user', content: 'Hi' }],
  },
  'max_tokens 0 to pre-warm the cache': {
    model: 'claude-sonnet-4-5',
    max_tokens: 0,
    system: [{ type: 'text', text: 'Big shared prefix', cache_control: { type: 'ephemeral' } }],
    messages: [{ role: 'user', content: 'warm up' }],
  },
  'a Claude Code style request': claudeCodeStyleRequest,
  'unknown fields, block types and thinking modes': {
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'search_result', source: 'https://x', title: 'X', content: [{ type: 'text', text: 'x' }] },
          { type: 'container_upload', file_id: 'file_1' },
          { type: 'text', text: 'hi', some_new_block_field: 1 },
        ],
      },
    ],
    thinking: { type: 'between_tools' },
    container: 'container_1',
    mcp_servers: [{ type: 'url', url: 'https://mcp.example.com', name: 'example' }],
    inference_geo: 'us',
  },
};

describe('validateAnthropicMessagesRequest', () => {
  it.each(Object.entries(validRequests))('accepts %s', (_name, body) => {
    expect(validateAnthropicMessagesRequest(body)).toEqual({ ok: true, value: body });
  });

  const base = { model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Hi' }] };
  const withContent = (content: unknown) => ({ ...base, messages: [{ role: 'user', content }] });
  it.each<[string, Record<string, unknown>, string, string]>([
    ['no model', { max_tokens: 1, messages: base.messages }, 'model', 'required'],
    ['no max_tokens', { model: 'm', messages: base.messages }, 'max_tokens', 'required'],
    ['max_tokens as a string', { ...base, max_tokens: '1024' }, 'max_tokens', 'expected an integer'],
    ['a fractional max_tokens', { ...base, max_tokens: 1.5 }, 'max_tokens', 'expected an integer'],
    ['a negative max_tokens', { ...base, max_tokens: -1 }, 'max_tokens', 'must be at least 0'],
    ['messages as a string', { ...base, messages: 'hi' }, 'messages', 'expected an array'],
    ['a message that is null', { ...base, messages: [null] }, 'messages[0]', 'expected an object'],
    ['a message without content', { ...base, messages: [{ role: 'user' }] }, 'messages[0].content', 'required'],
    ['null content', withContent(null), 'messages[0].content', 'expected a string or an array'],
    ['a text block without text', withContent([{ type: 'text' }]), 'messages[0].content[0].text', 'required'],
    ['a block that is a string', withContent(['hi']), 'messages[0].content[0]', 'expected an object'],
    ['a block without type', withContent([{ text: 'hi' }]), 'messages[0].content[0].type', 'required'],
    ['cache_control as a string', withContent([{ type: 'text', text: 'x', cache_control: 'ephemeral' }]), 'messages[0].content[0].cache_control', 'expected an object'],
    ['a base64 image without data', withContent([{ type: 'image', source: { type: 'base64', media_type: 'image/png' } }]), 'messages[0].content[0].source.data', 'required'],
    ['a URL image with a numeric url', withContent([{ type: 'image', source: { type: 'url', url: 1 } }]), 'messages[0].content[0].source.url', 'expected a string'],
    ['an image without source', withContent([{ type: 'image' }]), 'messages[0].content[0].source', 'required'],
    ['a document without source data', withContent([{ type: 'document', source: { type: 'text', media_type: 'text/plain' } }]), 'messages[0].content[0].source.data', 'required'],
    ['tool_use input as a string', withContent([{ type: 'tool_use', id: 't', name: 'f', input: '{}' }]), 'messages[0].content[0].input', 'expected an object'],
    ['tool_use without id', withContent([{ type: 'tool_use', name: 'f', input: {} }]), 'messages[0].content[0].id', 'required'],
    ['tool_result without tool_use_id', withContent([{ type: 'tool_result', content: 'x' }]), 'messages[0].content[0].tool_use_id', 'required'],
    ['tool_result content as a number', withContent([{ type: 'tool_result', tool_use_id: 't', content: 5 }]), 'messages[0].content[0].content', 'expected a string or an array'],
    ['a bad block inside a tool_result', withContent([{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'text', text: 1 }] }]), 'messages[0].content[0].content[0].text', 'expected a string'],
    ['is_error as a string', withContent([{ type: 'tool_result', tool_use_id: 't', is_error: 'no' }]), 'messages[0].content[0].is_error', 'expected a boolean'],
    ['a thinking block without signature', withContent([{ type: 'thinking', thinking: 'hmm' }]), 'messages[0].content[0].signature', 'required'],
    ['redacted_thinking without data', withContent([{ type: 'redacted_thinking' }]), 'messages[0].content[0].data', 'required'],
    ['system as a number', { ...base, system: 5 }, 'system', 'expected a string or an array'],
    ['a system block without text', { ...base, system: [{ type: 'text' }] }, 'system[0].text', 'required'],
    ['a system block of another type', { ...base, system: [{ type: 'image', text: 'x' }] }, 'system[0].type', 'expected "text"'],
    ['stream as a string', { ...base, stream: 'yes' }, 'stream', 'expected a boolean'],
    ['temperature as a string', { ...base, temperature: 'warm' }, 'temperature', 'expected a number'],
    ['a fractional top_k', { ...base, top_k: 2.5 }, 'top_k', 'expected an integer'],
    ['stop_sequences as a string', { ...base, stop_sequences: 'STOP' }, 'stop_sequences', 'expected an array'],
    ['a tool without name', { ...base, tools: [{ input_schema: {} }] }, 'tools[0].name', 'required'],
    ['input_schema as a string', { ...base, tools: [{ name: 'f', input_schema: 'object' }] }, 'tools[0].input_schema', 'expected an object'],
    ['tool_choice as a string', { ...base, tool_choice: 'auto' }, 'tool_choice', 'expected an object'],
    ['tool_choice tool without name', { ...base, tool_choice: { type: 'tool' } }, 'tool_choice.name', 'required'],
    ['thinking enabled without budget', { ...base, thinking: { type: 'enabled' } }, 'thinking.budget_tokens', 'required'],
    ['thinking budget as a string', { ...base, thinking: { type: 'enabled', budget_tokens: '2048' } }, 'thinking.budget_tokens', 'expected an integer'],
    ['thinking as a boolean', { ...base, thinking: true }, 'thinking', 'expected an object'],
    ['metadata.user_id as a number', { ...base, metadata: { user_id: 42 } }, 'metadata.user_id', 'expected a string'],
    ['output_config.effort as a number', { ...base, output_config: { effort: 3 } }, 'output_config.effort', 'expected a string'],
  ])('rejects %s', (_name, body, path, message) => {
    expect(validateAnthropicMessagesRequest(body)).toEqual({ ok: false, issues: [{ path, message }] });
  });

  it.each([undefined, null, '', 'hello', [], 0])('rejects a body that is not an object: %j', (body) => {
    expect(validateAnthropicMessagesRequest(body)).toEqual({ ok: false, issues: [{ path: '', message: 'expected a JSON object' }] });
  });
});

describe('validateAnthropicCountTokensRequest', () => {
  it('accepts the documented example, without max_tokens', () => {
    const body = { model: 'claude-sonnet-4-5', system: 'You are a scientist', messages: [{ role: 'user', content: 'Hello, Claude' }], tools: [getWeather] };
    expect(validateAnthropicCountTokensRequest(body)).toEqual({ ok: true, value: body });
  });

  it('accepts a Claude Code style body with thinking and cache control', () => {
    const { max_tokens: _maxTokens, stream: _stream, ...body } = claudeCodeStyleRequest;
    expect(validateAnthropicCountTokensRequest(body).ok).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['no model', { messages: [] }, 'model', 'required'],
    ['no messages', { model: 'm' }, 'messages', 'required'],
    ['a bad tool', { model: 'm', messages: [], tools: [{ name: 3 }] }, 'tools[0].name', 'expected a string'],
    ['a bad block', { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: null }] }] }, 'messages[0].content[0].text', 'expected a string'],
  ])('rejects %s', (_name, body, path, message) => {
    expect(validateAnthropicCountTokensRequest(body)).toEqual({ ok: false, issues: [{ path, message }] });
  });

  it('rejects a body that is not an object', () => {
    expect(validateAnthropicCountTokensRequest('x')).toEqual({ ok: false, issues: [{ path: '', message: 'expected a JSON object' }] });
  });
});
