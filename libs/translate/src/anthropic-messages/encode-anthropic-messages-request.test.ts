import { validateAnthropicMessagesRequest } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { type CanonicalRequest, type ReasoningEffort } from '../canonical/canonical-request';
import { decodeAnthropicMessagesRequest } from './decode-anthropic-messages-request';
import { encodeAnthropicMessagesRequest, encodesJsonSchemaAsTool } from './encode-anthropic-messages-request';
import { JSON_RESPONSE_TOOL_NAME } from './json-response-tool';

const ctx = { now: () => 0, newId: (prefix: string) => `${prefix}_1`, requestModel: 'claude-sonnet-4-5' };

function request(fields: Partial<CanonicalRequest>): CanonicalRequest {
  return { model: 'claude-sonnet-4-5-20250929', system: [], messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], stream: false, ...fields };
}

type Body = Record<string, unknown> & { messages: { role: string; content: Record<string, unknown>[] }[] };
const encode = (fields: Partial<CanonicalRequest>, options = {}) => {
  const { value, warnings } = encodeAnthropicMessagesRequest(request(fields), options);
  return { body: value as Body, warnings };
};

describe('encodeAnthropicMessagesRequest', () => {
  it('turns an OpenAI-shaped conversation into alternating Anthropic turns', () => {
    const { body, warnings } = encode({
      system: [
        { type: 'text', text: 'You are terse.' },
        { type: 'text', text: 'Answer in English.' },
      ],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Tokyo?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: '' },
            { type: 'tool_call', id: 'call.1', name: 'get_weather', arguments: { city: 'Paris' } },
            { type: 'tool_call', id: 'call_2', name: 'get_weather', arguments: { city: 'Tokyo' } },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', toolCallId: 'call.1', content: [{ type: 'text', text: '18°C' }] }] },
        { role: 'user', content: [{ type: 'tool_result', toolCallId: 'call_2', content: [{ type: 'text', text: '25°C' }], isError: false }] },
        { role: 'user', content: [{ type: 'text', text: 'Which is warmer?' }] },
      ],
    });
    expect(body).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 4096,
      system: 'You are terse.\n\nAnswer in English.',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Tokyo?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
            { type: 'tool_use', id: 'call_2', name: 'get_weather', input: { city: 'Tokyo' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_1', content: [{ type: 'text', text: '18°C' }] },
            { type: 'tool_result', tool_use_id: 'call_2', content: [{ type: 'text', text: '25°C' }] },
            { type: 'text', text: 'Which is warmer?' },
          ],
        },
      ],
    });
    expect(warnings).toEqual(["rewrote 1 tool call ids to match Anthropic's pattern ^[a-zA-Z0-9_-]+$"]);
  });

  it('rewrites bad tool ids without colliding with ids already in use', () => {
    const { body } = encode({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'x' }] },
        {
          role: 'assistant',
          content: [
            { type: 'tool_call', id: 'functions.read:0', name: 'read', arguments: {} },
            { type: 'tool_call', id: 'functions_read_0', name: 'read', arguments: {} },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', toolCallId: 'functions_read_0', content: [] },
            { type: 'tool_result', toolCallId: 'functions.read:0', content: [] },
          ],
        },
      ],
    });
    const [, assistant, results] = body.messages;
    expect(assistant!.content.map((block) => block.id)).toEqual(['functions_read_0_2', 'functions_read_0']);
    expect(results!.content.map((block) => block.tool_use_id)).toEqual(['functions_read_0', 'functions_read_0_2']);
  });

  it('puts the tool results first in the user turn that answers the calls', () => {
    const { body } = encode({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'x' }] },
        { role: 'assistant', content: [{ type: 'tool_call', id: 'toolu_1', name: 't', arguments: {} }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'here you go' },
            { type: 'tool_result', toolCallId: 'toolu_1', content: [{ type: 'text', text: 'ok' }] },
          ],
        },
      ],
    });
    expect(body.messages[2]!.content.map((block) => block.type)).toEqual(['tool_result', 'text']);
  });

  it('keeps cache_control: the system becomes blocks, and blocks and tools keep their markers', () => {
    const { body } = encode({
      system: [
        { type: 'text', text: 'Base rules.' },
        { type: 'text', text: 'Project context.', cacheControl: { type: 'ephemeral', ttl: '1h' } },
      ],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi', cacheControl: { type: 'ephemeral' } }] }],
      tools: [{ name: 'Read', parameters: { type: 'object', properties: {} }, cacheControl: { type: 'ephemeral' } }],
    });
    expect(body.system).toEqual([
      { type: 'text', text: 'Base rules.' },
      { type: 'text', text: 'Project context.', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ]);
    expect(body.messages[0]!.content).toEqual([{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral' } }]);
    expect(body.tools).toEqual([{ name: 'Read', input_schema: { type: 'object', properties: {} }, cache_control: { type: 'ephemeral' } }]);
  });

  it('opens with a user turn when the conversation starts with the assistant', () => {
    const { body, warnings } = encode({
      messages: [
        { role: 'assistant', content: [{ type: 'text', text: 'How can I help?' }] },
        { role: 'user', content: [{ type: 'text', text: 'Tell me a joke' }] },
      ],
    });
    expect(body.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(body.messages[0]!.content).toEqual([{ type: 'text', text: '.' }]);
    expect(warnings).toEqual([`added a user turn "." at the start: Anthropic wants the conversation to open with the user`]);
  });

  it('encodes images and documents', () => {
    const { body, warnings } = encode({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' }, detail: 'high' },
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.jpg' } },
            { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, filename: 'spec.pdf' },
            { type: 'document', source: { type: 'base64', mediaType: 'text/plain', data: 'aMOpbGxv' } }, // UTF-8 "héllo"
            { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' }, title: 'A' },
          ],
        },
      ],
    });
    expect(body.messages[0]!.content).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/a.jpg' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }, title: 'spec.pdf' },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'héllo' } },
      { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' }, title: 'A' },
    ]);
    expect(warnings).toEqual(['dropped image "detail": Anthropic has no counterpart']);
  });

  it('keeps signed thinking and redacted thinking, and drops unsigned thinking', () => {
    const { body, warnings } = encode({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'x' }] },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', text: 'signed thought', signature: 'EqQBCgIYAhIM' },
            { type: 'redacted_thinking', data: 'EmwKAhgBEgy3' },
            { type: 'text', text: 'answer one' },
          ],
        },
        { role: 'user', content: [{ type: 'text', text: 'y' }] },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', text: 'vLLM reasoning' },
            { type: 'thinking', text: 'empty signature', signature: '' },
            { type: 'text', text: 'answer two' },
          ],
        },
        { role: 'user', content: [{ type: 'text', text: 'z' }] },
      ],
    });
    expect(body.messages[1]!.content).toEqual([
      { type: 'thinking', thinking: 'signed thought', signature: 'EqQBCgIYAhIM' },
      { type: 'redacted_thinking', data: 'EmwKAhgBEgy3' },
      { type: 'text', text: 'answer one' },
    ]);
    expect(body.messages[3]!.content).toEqual([{ type: 'text', text: 'answer two' }]);
    expect(warnings).toEqual(['dropped thinking without a signature: Anthropic takes back only thinking it signed']);
  });

  it('drops a turn left empty, merging its neighbours', () => {
    const { body, warnings } = encode({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'one' }] },
        { role: 'assistant', content: [{ type: 'thinking', text: 'unsigned only' }] },
        { role: 'user', content: [{ type: 'text', text: 'two' }] },
      ],
    });
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'one' }, { type: 'text', text: 'two' }] }]);
    expect(warnings).toContain('dropped 1 messages left empty: Anthropic rejects empty turns');
  });

  it('encodes tools: parameters as input_schema, an object schema when there is none, strict kept', () => {
    const { body } = encode({
      tools: [
        { name: 'get_time', description: 'Current time', parameters: {} },
        { name: 'search', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] }, strict: true },
      ],
    });
    expect(body.tools).toEqual([
      { name: 'get_time', description: 'Current time', input_schema: { type: 'object', properties: {} } },
      { name: 'search', input_schema: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] }, strict: true },
    ]);
  });

  it.each<[CanonicalRequest['toolChoice'], boolean | undefined, unknown]>([
    [undefined, undefined, undefined],
    [undefined, false, { type: 'auto', disable_parallel_tool_use: true }],
    [{ type: 'auto' }, undefined, { type: 'auto' }],
    [{ type: 'auto' }, false, { type: 'auto', disable_parallel_tool_use: true }],
    [{ type: 'none' }, false, { type: 'none' }],
    [{ type: 'required' }, undefined, { type: 'any' }],
    [{ type: 'required' }, false, { type: 'any', disable_parallel_tool_use: true }],
    [{ type: 'tool', name: 't' }, true, { type: 'tool', name: 't' }],
    [{ type: 'tool', name: 't' }, false, { type: 'tool', name: 't', disable_parallel_tool_use: true }],
  ])('tool choice %j with parallel tool calls %s → %j', (toolChoice, parallelToolCalls, expected) => {
    const { body } = encode({ tools: [{ name: 't', parameters: { type: 'object' } }], toolChoice, parallelToolCalls });
    expect(body.tool_choice).toEqual(expected);
  });

  it('drops a tool choice when there are no tools', () => {
    const { body, warnings } = encode({ toolChoice: { type: 'required' } });
    expect(body.tool_choice).toBeUndefined();
    expect(warnings).toEqual(['dropped tool_choice: the request has no tools']);
  });

  it.each<[number | undefined, number | undefined, number]>([
    [300, undefined, 300],
    [300, 8192, 300],
    [undefined, 8192, 8192],
    [undefined, undefined, 4096],
  ])('max_tokens %s with default %s → %d', (maxTokens, defaultMaxTokens, expected) => {
    expect(encode({ maxTokens }, { defaultMaxTokens }).body.max_tokens).toBe(expected);
  });

  it('passes sampling fields and stop sequences when thinking is off', () => {
    const { body } = encode({ temperature: 0.3, topP: 0.8, topK: 20, stopSequences: ['###'] });
    expect(body).toMatchObject({ temperature: 0.3, top_p: 0.8, top_k: 20, stop_sequences: ['###'] });
  });

  it.each<[ReasoningEffort, number]>([
    ['minimal', 1024],
    ['low', 2048],
    ['medium', 8192],
    ['high', 16384],
    ['xhigh', 32000],
  ])('reasoning effort %s → a thinking budget of %d', (reasoningEffort, budget) => {
    const { body } = encode({ reasoningEffort, maxTokens: 64000 });
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: budget });
    expect(body.max_tokens).toBe(64000);
  });

  it('raises max_tokens above the thinking budget, keeping the room the client asked for', () => {
    const { body, warnings } = encode({ reasoningEffort: 'high', maxTokens: 1000 });
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 16384 });
    expect(body.max_tokens).toBe(17384);
    expect(warnings).toEqual(['max_tokens raised from 1000 to 17384: it must exceed the thinking budget of 16384']);
  });

  it('raises a budget under the minimum', () => {
    const { body, warnings } = encode({ thinking: { type: 'enabled', budgetTokens: 500 }, maxTokens: 4000 });
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(warnings).toEqual(["thinking budget raised to 1024, Anthropic's minimum"]);
  });

  it('drops sampling fields that Anthropic refuses with thinking', () => {
    const { body, warnings } = encode({ reasoningEffort: 'low', maxTokens: 8000, temperature: 0.2, topK: 5, topP: 0.5 });
    expect(body.temperature).toBeUndefined();
    expect(body.top_k).toBeUndefined();
    expect(body.top_p).toBeUndefined();
    expect(warnings).toEqual([
      'dropped "temperature": Anthropic allows only 1 with thinking',
      'dropped "top_k": Anthropic does not allow it with thinking',
      'dropped "top_p": Anthropic allows only 0.95 to 1 with thinking',
    ]);
    expect(encode({ reasoningEffort: 'low', maxTokens: 8000, temperature: 1, topP: 0.97 }).body).toMatchObject({ temperature: 1, top_p: 0.97 });
  });

  it('keeps an explicit thinking setting over the effort, and sends the effort with adaptive thinking', () => {
    expect(encode({ thinking: { type: 'adaptive' }, reasoningEffort: 'medium' }).body).toMatchObject({
      thinking: { type: 'adaptive' },
      output_config: { effort: 'medium' },
    });
    const disabled = encode({ thinking: { type: 'disabled' }, reasoningEffort: 'high' });
    expect(disabled.body.thinking).toEqual({ type: 'disabled' });
    expect(disabled.warnings).toEqual(['dropped reasoning effort: thinking is set explicitly']);
  });

  it('drops thinking with a forced tool choice, which Anthropic refuses', () => {
    const { body, warnings } = encode({
      reasoningEffort: 'high',
      tools: [{ name: 't', parameters: { type: 'object' } }],
      toolChoice: { type: 'required' },
    });
    expect(body.thinking).toBeUndefined();
    expect(warnings).toEqual(['dropped thinking: Anthropic does not allow it with a forced tool choice']);
  });

  it('drops thinking when the last tool-calling assistant turn has no signed thinking (a conversation from another family)', () => {
    const { body, warnings } = encode({
      reasoningEffort: 'medium',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'x' }] },
        { role: 'assistant', content: [{ type: 'tool_call', id: 'call_1', name: 't', arguments: {} }] },
        { role: 'user', content: [{ type: 'tool_result', toolCallId: 'call_1', content: [{ type: 'text', text: 'ok' }] }] },
      ],
    });
    expect(body.thinking).toBeUndefined();
    expect(warnings).toEqual(['dropped thinking: the last assistant tool call has no signed thinking block, which Anthropic requires']);

    const signed = encode({
      reasoningEffort: 'medium',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'x' }] },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', text: 't', signature: 'sig' },
            { type: 'tool_call', id: 'toolu_1', name: 't', arguments: {} },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', toolCallId: 'toolu_1', content: [] }] },
      ],
    });
    expect(signed.body.thinking).toEqual({ type: 'enabled', budget_tokens: 8192 });
  });

  it('asks for json_schema through structured outputs by default', () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false };
    const format = { type: 'json_schema' as const, name: 'answer', schema, strict: true };
    const { body, warnings } = encode({ responseFormat: format });
    expect(body.output_config).toEqual({ format: { type: 'json_schema', schema } });
    expect(body.tools).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(encodesJsonSchemaAsTool(request({ responseFormat: format }))).toBe(false);
  });

  it('asks for json_schema through a forced json_response tool in tool mode', () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } } };
    const canonical = request({
      responseFormat: { type: 'json_schema', name: 'answer', schema },
      tools: [{ name: 'lookup', parameters: { type: 'object' }, strict: true }],
      toolChoice: { type: 'required' },
    });
    const { value, warnings } = encodeAnthropicMessagesRequest(canonical, { jsonSchemaMode: 'tool' });
    const body = value as Body;
    expect(body.tools).toEqual([
      { name: 'lookup', input_schema: { type: 'object' } },
      { name: JSON_RESPONSE_TOOL_NAME, description: expect.any(String), input_schema: schema },
    ]);
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'json_response' });
    expect(body.output_config).toBeUndefined();
    expect(warnings).toEqual([
      'dropped tool "strict": the json_response tool mode is for models without strict tools',
      'tool_choice replaced: the JSON answer is a forced tool call',
    ]);
    expect(encodesJsonSchemaAsTool(canonical, { jsonSchemaMode: 'tool' })).toBe(true);
  });

  it('asks for json_object in the system prompt', () => {
    const { body, warnings } = encode({ system: [{ type: 'text', text: 'Be brief.' }], responseFormat: { type: 'json_object' } });
    expect(body.system).toBe('Be brief.\n\nRespond with a single valid JSON object and nothing else.');
    expect(warnings).toEqual(['response_format json_object: Anthropic has no JSON mode, so the system prompt asks for JSON']);
  });

  it('sends the user as metadata.user_id and names the fields it drops', () => {
    const { body, warnings } = encode({
      user: 'user-42',
      seed: 7,
      frequencyPenalty: 0.5,
      presencePenalty: 0.1,
      metadata: { team: 'a' },
      stream: true,
    });
    expect(body.metadata).toEqual({ user_id: 'user-42' });
    expect(body.stream).toBe(true);
    expect(warnings).toEqual([
      'dropped "seed": Anthropic has no counterpart',
      'dropped "frequency_penalty": Anthropic has no counterpart',
      'dropped "presence_penalty": Anthropic has no counterpart',
      'dropped "metadata": Anthropic takes only a user id',
    ]);
  });

  it('does not change its input', () => {
    const canonical = request({
      system: [{ type: 'text', text: 'S' }],
      responseFormat: { type: 'json_object' },
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'a' }] },
        { role: 'user', content: [{ type: 'text', text: 'b' }] },
      ],
    });
    const copy = structuredClone(canonical);
    encodeAnthropicMessagesRequest(canonical);
    expect(canonical).toEqual(copy);
  });

  it('round-trips an Anthropic request through canonical: decode(encode(x)) keeps the meaning', () => {
    const canonical = request({
      system: [
        { type: 'text', text: 'Rules', cacheControl: { type: 'ephemeral' } },
        { type: 'text', text: 'More rules' },
      ],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Read a.ts' }, { type: 'image', source: { type: 'url', url: 'https://x/y.png' } }] },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', text: 'need the file', signature: 'EqQBCg' },
            { type: 'tool_call', id: 'toolu_01', name: 'Read', arguments: { path: 'a.ts' } },
          ],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', toolCallId: 'toolu_01', content: [{ type: 'text', text: 'export {}' }], isError: true }],
        },
      ],
      tools: [{ name: 'Read', description: 'Read a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } }],
      toolChoice: { type: 'auto' },
      parallelToolCalls: false,
      maxTokens: 20000,
      thinking: { type: 'enabled', budgetTokens: 4000 },
      stopSequences: ['STOP'],
      user: 'u1',
      stream: true,
    });
    const encoded = encodeAnthropicMessagesRequest(canonical);
    expect(encoded.warnings).toEqual([]);
    const validated = validateAnthropicMessagesRequest(encoded.value);
    if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
    const decoded = decodeAnthropicMessagesRequest(validated.value, ctx);
    expect(decoded.warnings).toEqual([]);
    expect(decoded.value).toEqual(canonical);
  });
});
