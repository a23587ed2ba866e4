import { type AnthropicMessagesRequest, validateAnthropicMessagesRequest } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { decodeAnthropicMessagesRequest } from './decode-anthropic-messages-request';

const ctx: TranslationContext = { now: () => 0, newId: (prefix) => `${prefix}_1`, requestModel: 'claude-sonnet-4-5' };

/** Validates first, as the gateway does, so that the tests feed the decoder what it gets in production. */
function decode(body: Record<string, unknown>) {
  const validated = validateAnthropicMessagesRequest({ model: 'claude-sonnet-4-5', max_tokens: 1024, ...body });
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return decodeAnthropicMessagesRequest(validated.value, ctx);
}

describe('decodeAnthropicMessagesRequest', () => {
  it('reads a Claude Code request, keeping what has a counterpart and naming every drop', () => {
    const body = {
      model: 'claude-sonnet-4-5',
      max_tokens: 32000,
      stream: true,
      system: [
        { type: 'text', text: "You are Claude Code, Anthropic's official CLI for Claude." },
        { type: 'text', text: 'Follow the repository conventions.', cache_control: { type: 'ephemeral' } },
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
            { type: 'thinking', thinking: 'I should look at the test first.', signature: 'EqQBCgIYAhIM' },
            { type: 'text', text: 'Reading the test.' },
            { type: 'tool_use', id: 'toolu_01A', name: 'Read', input: { file_path: '/src/a.test.ts' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_01A', content: [{ type: 'text', text: 'expect(1).toBe(2)' }] },
            { type: 'text', text: 'go on' },
          ],
        },
      ],
      tools: [
        {
          name: 'Read',
          description: 'Reads a file',
          input_schema: { type: 'object', properties: { file_path: { type: 'string' } }, required: ['file_path'] },
          cache_control: { type: 'ephemeral' },
        },
        { type: 'web_search_20250305', name: 'web_search', max_uses: 5 },
      ],
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      thinking: { type: 'adaptive' },
      output_config: { effort: 'high' },
      context_management: { edits: [{ type: 'clear_tool_uses_20250919' }] },
      metadata: { user_id: 'user_abc_account_def_session_123' },
      temperature: 1,
    };
    const { value, warnings } = decode(body);
    expect(value).toEqual({
      model: 'claude-sonnet-4-5',
      maxTokens: 32000,
      stream: true,
      system: [
        { type: 'text', text: "You are Claude Code, Anthropic's official CLI for Claude." },
        { type: 'text', text: 'Follow the repository conventions.', cacheControl: { type: 'ephemeral' } },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: '<system-reminder>context</system-reminder>' },
            { type: 'text', text: 'Fix the failing test', cacheControl: { type: 'ephemeral', ttl: '1h' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', text: 'I should look at the test first.', signature: 'EqQBCgIYAhIM' },
            { type: 'text', text: 'Reading the test.' },
            { type: 'tool_call', id: 'toolu_01A', name: 'Read', arguments: { file_path: '/src/a.test.ts' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', toolCallId: 'toolu_01A', content: [{ type: 'text', text: 'expect(1).toBe(2)' }] },
            { type: 'text', text: 'go on' },
          ],
        },
      ],
      tools: [
        {
          name: 'Read',
          description: 'Reads a file',
          parameters: { type: 'object', properties: { file_path: { type: 'string' } }, required: ['file_path'] },
          cacheControl: { type: 'ephemeral' },
        },
      ],
      toolChoice: { type: 'auto' },
      parallelToolCalls: false,
      thinking: { type: 'adaptive' },
      reasoningEffort: 'high',
      user: 'user_abc_account_def_session_123',
      temperature: 1,
    });
    expect(warnings).toEqual([
      'dropped "context_management": no counterpart outside Anthropic',
      'dropped server tools "web_search" (web_search_20250305): only Anthropic runs them',
    ]);
  });

  it('takes string content and a string system', () => {
    const { value } = decode({ system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }] });
    expect(value.system).toEqual([{ type: 'text', text: 'Be brief.' }]);
    expect(value.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
    expect(value.stream).toBe(false);
  });

  it('reads images, documents, tool results with images, errors, and redacted thinking', () => {
    const { value } = decode({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
            { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }, title: 'Spec' },
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'plain notes' } },
            { type: 'text', text: 'Compare them', citations: [{ type: 'char_location', cited_text: 'x' }] },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix' },
            { type: 'tool_use', id: 'toolu_02', name: 'screenshot', input: {} },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_02',
              is_error: true,
              content: [
                { type: 'text', text: 'partial capture' },
                { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/4AAQ' } },
              ],
            },
            { type: 'tool_result', tool_use_id: 'toolu_03', content: 'plain string result' },
          ],
        },
      ],
    });
    expect(value.messages[0]!.content).toEqual([
      { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
      { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, title: 'Spec' },
      { type: 'document', source: { type: 'text', text: 'plain notes' } },
      { type: 'text', text: 'Compare them', citations: [{ type: 'char_location', cited_text: 'x' }] },
    ]);
    expect(value.messages[1]!.content[0]).toEqual({ type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix' });
    expect(value.messages[2]!.content).toEqual([
      {
        type: 'tool_result',
        toolCallId: 'toolu_02',
        isError: true,
        content: [
          { type: 'text', text: 'partial capture' },
          { type: 'image', source: { type: 'base64', mediaType: 'image/jpeg', data: '/9j/4AAQ' } },
        ],
      },
      { type: 'tool_result', toolCallId: 'toolu_03', content: [{ type: 'text', text: 'plain string result' }] },
    ]);
  });

  it('drops server tool blocks, leaving out a turn that held nothing else', () => {
    const { value, warnings } = decode({
      messages: [
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          content: [
            { type: 'server_tool_use', id: 'srvtoolu_01', name: 'web_search', input: { query: 'weather' } },
            { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_01', content: [] },
          ],
        },
        { role: 'user', content: [{ type: 'container_upload', file_id: 'file_01' }, { type: 'text', text: 'and now?' }] },
      ],
    });
    expect(value.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
      { role: 'user', content: [{ type: 'text', text: 'and now?' }] },
    ]);
    expect(warnings).toEqual([
      'dropped "server_tool_use" blocks: no counterpart outside Anthropic',
      'dropped "web_search_tool_result" blocks: no counterpart outside Anthropic',
      'dropped "container_upload" blocks: no counterpart outside Anthropic',
    ]);
  });

  it.each([
    [{ type: 'auto' }, { toolChoice: { type: 'auto' } }],
    [{ type: 'any' }, { toolChoice: { type: 'required' } }],
    [{ type: 'none' }, { toolChoice: { type: 'none' } }],
    [{ type: 'tool', name: 'Read' }, { toolChoice: { type: 'tool', name: 'Read' } }],
    [{ type: 'any', disable_parallel_tool_use: true }, { toolChoice: { type: 'required' }, parallelToolCalls: false }],
  ])('tool_choice %j', (toolChoice, expected) => {
    const { value } = decode({
      messages: [{ role: 'user', content: 'x' }],
      tools: [{ name: 'Read', input_schema: { type: 'object' } }],
      tool_choice: toolChoice,
    });
    expect({ toolChoice: value.toolChoice, parallelToolCalls: value.parallelToolCalls }).toEqual({ parallelToolCalls: undefined, ...expected });
  });

  it('drops a tool_choice naming a dropped server tool', () => {
    const { value, warnings } = decode({
      messages: [{ role: 'user', content: 'x' }],
      tools: [{ type: 'bash_20250124', name: 'bash' }],
      tool_choice: { type: 'tool', name: 'bash' },
    });
    expect(value.tools).toBeUndefined();
    expect(value.toolChoice).toBeUndefined();
    expect(warnings).toContain('dropped tool_choice "bash": that tool was dropped');
  });

  it.each([
    [{ type: 'enabled', budget_tokens: 10000 }, { type: 'enabled', budgetTokens: 10000 }],
    [{ type: 'adaptive' }, { type: 'adaptive' }],
    [{ type: 'disabled' }, { type: 'disabled' }],
  ])('thinking %j', (thinking, expected) => {
    expect(decode({ messages: [{ role: 'user', content: 'x' }], thinking }).value.thinking).toEqual(expected);
  });

  it.each([
    ['low', 'low', []],
    ['medium', 'medium', []],
    ['high', 'high', []],
    ['xhigh', 'xhigh', []],
    ['max', 'xhigh', ['output_config.effort "max" sent as reasoning effort "xhigh", the highest there is elsewhere']],
  ])('output_config.effort %s → %s', (effort, expected, warnings) => {
    const decoded = decode({ messages: [{ role: 'user', content: 'x' }], output_config: { effort } });
    expect(decoded.value.reasoningEffort).toBe(expected);
    expect(decoded.warnings).toEqual(warnings);
  });

  it('reads structured outputs as a json_schema response format', () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false };
    const { value } = decode({ messages: [{ role: 'user', content: 'x' }], output_config: { format: { type: 'json_schema', schema } } });
    expect(value.responseFormat).toEqual({ type: 'json_schema', name: 'response', schema });
  });

  it('reads sampling fields and stop sequences', () => {
    const { value } = decode({
      messages: [{ role: 'user', content: 'x' }],
      temperature: 0.2,
      top_p: 0.9,
      top_k: 40,
      stop_sequences: ['END'],
    });
    expect(value).toMatchObject({ temperature: 0.2, topP: 0.9, topK: 40, stopSequences: ['END'] });
  });

  it('never fails on unknown or Anthropic-only fields; names each', () => {
    const { warnings } = decode({
      messages: [{ role: 'user', content: 'x' }],
      container: 'container_01',
      mcp_servers: [{ type: 'url', url: 'https://mcp.example.com', name: 'ex' }],
      service_tier: 'auto',
      cache_control: { type: 'ephemeral' },
      metadata: { user_id: 'u', trace: 't' },
      output_config: { effort: 'low', task_budget: 5 },
      thinking: { type: 'enabled', budget_tokens: 2000, display: 'omitted' },
      tools: [{ name: 'T', input_schema: { type: 'object' }, defer_loading: true, eager_input_streaming: true }],
    });
    // The order follows the validated body's field order; what matters is that each drop is named once.
    expect([...warnings].sort()).toEqual([
      'dropped "container": no counterpart outside Anthropic',
      'dropped "mcp_servers": no counterpart outside Anthropic',
      'dropped "service_tier": no counterpart outside Anthropic',
      'dropped "cache_control": no counterpart outside Anthropic',
      'dropped "defer_loading" of tools: no counterpart outside Anthropic',
      'dropped "eager_input_streaming" of tools: no counterpart outside Anthropic',
      'dropped "thinking.display": no counterpart outside Anthropic',
      'dropped "output_config.task_budget": no counterpart outside Anthropic',
      'dropped "metadata.trace": no counterpart outside Anthropic',
    ].sort());
  });

  it('moves system turns inside messages into the system instructions', () => {
    const { value } = decode({
      messages: [
        { role: 'system', content: 'Rule one.' },
        { role: 'user', content: 'x' },
      ],
    });
    expect(value.system).toEqual([{ type: 'text', text: 'Rule one.' }]);
    expect(value.messages).toHaveLength(1);
  });

  it('rejects a role Anthropic does not know with a 400 naming the field', () => {
    const body = { model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'x' }, { role: 'tool', content: 'y' }] } as AnthropicMessagesRequest;
    const error = (() => {
      try {
        decodeAnthropicMessagesRequest(body, ctx);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'invalid_request', status: 400, param: 'messages[1].role' });
  });

  it('does not change its input', () => {
    const body = { model: 'm', max_tokens: 10, system: 'S', messages: [{ role: 'user', content: 'x' }] } as AnthropicMessagesRequest;
    const copy = structuredClone(body);
    decodeAnthropicMessagesRequest(body, ctx);
    expect(body).toEqual(copy);
  });
});
