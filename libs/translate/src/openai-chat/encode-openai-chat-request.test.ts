import { validateOpenAIChatRequest } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { type CanonicalRequest } from '../canonical/canonical-request';
import { decodeOpenAIChatRequest } from './decode-openai-chat-request';
import { encodeOpenAIChatRequest } from './encode-openai-chat-request';

const base = (overrides: Partial<CanonicalRequest> = {}): CanonicalRequest => ({
  model: 'Qwen/Qwen3-32B',
  system: [],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  stream: false,
  ...overrides,
});

describe('encodeOpenAIChatRequest', () => {
  it('joins system parts into one system message and warns once about cache_control', () => {
    const { value, warnings } = encodeOpenAIChatRequest(
      base({
        system: [
          { type: 'text', text: 'You are Claude Code.', cacheControl: { type: 'ephemeral' } },
          { type: 'text', text: 'Use tools.', cacheControl: { type: 'ephemeral', ttl: '1h' } },
        ],
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi', cacheControl: { type: 'ephemeral' } }] }],
        tools: [{ name: 'Read', parameters: { type: 'object' }, cacheControl: { type: 'ephemeral' } }],
      }),
    );
    expect(value.messages.slice(0, 2)).toEqual([
      { role: 'system', content: 'You are Claude Code.\n\nUse tools.' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(warnings).toEqual([
      'dropped cache_control: openai-chat targets have no cache breakpoints (they cache prefixes on their own)',
    ]);
  });

  it('sends tool results as tool messages and moves their images into a following user message', () => {
    const { value, warnings } = encodeOpenAIChatRequest(
      base({
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Screenshot and list' }] },
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'On it.' },
              { type: 'tool_call', id: 'toolu_1', name: 'screenshot', arguments: {} },
              { type: 'tool_call', id: 'toolu_2', name: 'ls', arguments: { path: '.' } },
            ],
          },
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                toolCallId: 'toolu_1',
                content: [
                  { type: 'text', text: 'Captured.' },
                  { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBOR' } },
                ],
              },
              { type: 'tool_result', toolCallId: 'toolu_2', content: [{ type: 'text', text: 'a.ts' }, { type: 'text', text: 'b.ts' }], isError: true },
              { type: 'text', text: 'What do you see?' },
            ],
          },
        ],
      }),
    );
    expect(value.messages).toEqual([
      { role: 'user', content: 'Screenshot and list' },
      {
        role: 'assistant',
        content: 'On it.',
        tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'screenshot', arguments: '{}' } },
          { id: 'toolu_2', type: 'function', function: { name: 'ls', arguments: '{"path":"."}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: 'Captured.' },
      { role: 'tool', tool_call_id: 'toolu_2', content: 'a.ts\nb.ts' },
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } },
          { type: 'text', text: 'What do you see?' },
        ],
      },
    ]);
    expect(warnings).toEqual([
      'dropped tool_result is_error: openai-chat tool messages have no error flag',
      'moved images and files of tool results into a user message: openai-chat tool messages take text only',
    ]);
  });

  it('sends earlier thinking as reasoning_content only to targets that take it, and never redacted thinking', () => {
    const request = base({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Q' }] },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', text: 'Let me think.', signature: 'sig' },
            { type: 'redacted_thinking', data: 'opaque' },
            { type: 'tool_call', id: 'toolu_1', name: 'a', arguments: { x: 1 } },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', toolCallId: 'toolu_1', content: [] }] },
      ],
    });
    const accepted = encodeOpenAIChatRequest(request, { acceptsReasoningContent: true });
    expect(accepted.value.messages[1]).toEqual({
      role: 'assistant',
      content: null,
      reasoning_content: 'Let me think.',
      tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'a', arguments: '{"x":1}' } }],
    });
    expect(accepted.value.messages[2]).toEqual({ role: 'tool', tool_call_id: 'toolu_1', content: '' });
    expect(accepted.warnings).toEqual(['dropped redacted_thinking: only Anthropic can read it']);

    const refused = encodeOpenAIChatRequest(request);
    expect(refused.value.messages[1]).not.toHaveProperty('reasoning_content');
    expect(refused.warnings).toContain('dropped thinking of earlier turns: this target does not take reasoning back');
  });

  it('turns text documents into text, base64 documents into file parts and drops URL documents', () => {
    const { value, warnings } = encodeOpenAIChatRequest(
      base({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'document', source: { type: 'text', text: 'Plain notes' }, title: 'notes' },
              { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBER' } },
              { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } },
              { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' }, detail: 'low' },
            ],
          },
        ],
      }),
    );
    expect(value.messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'Plain notes' },
        { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBER', filename: 'document.pdf' } },
        { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
      ],
    });
    expect(warnings).toEqual(['dropped documents given by URL: openai-chat file parts take inline data only']);
  });

  it('encodes tools, tool choice and parallel calls, and leaves the choice out without tools', () => {
    const withTools = encodeOpenAIChatRequest(
      base({
        tools: [{ name: 'lookup', description: 'Look up', parameters: { type: 'object', properties: {} }, strict: true }],
        toolChoice: { type: 'tool', name: 'lookup' },
        parallelToolCalls: false,
      }),
    ).value;
    expect(withTools.tools).toEqual([
      { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} }, description: 'Look up', strict: true } },
    ]);
    expect(withTools.tool_choice).toEqual({ type: 'function', function: { name: 'lookup' } });
    expect(withTools.parallel_tool_calls).toBe(false);

    const withoutTools = encodeOpenAIChatRequest(base({ toolChoice: { type: 'none' }, parallelToolCalls: true })).value;
    expect(withoutTools).not.toHaveProperty('tool_choice');
    expect(withoutTools).not.toHaveProperty('parallel_tool_calls');
  });

  it.each([
    [{ type: 'auto' } as const, 'auto'],
    [{ type: 'none' } as const, 'none'],
    [{ type: 'required' } as const, 'required'],
  ])('encodes tool choice %j as %s', (toolChoice, expected) => {
    const tools = [{ name: 'a', parameters: {} }];
    expect(encodeOpenAIChatRequest(base({ tools, toolChoice })).value.tool_choice).toBe(expected);
  });

  it('encodes sampling and limits, top_k by option', () => {
    const request = base({ maxTokens: 512, temperature: 0.1, topP: 0.8, topK: 20, stopSequences: ['\n\nHuman:'], seed: 3 });
    expect(encodeOpenAIChatRequest(request).value).toMatchObject({
      max_tokens: 512,
      temperature: 0.1,
      top_p: 0.8,
      top_k: 20,
      stop: ['\n\nHuman:'],
      seed: 3,
    });
    const openai = encodeOpenAIChatRequest(request, { acceptsTopK: false, maxTokensField: 'max_completion_tokens' });
    expect(openai.value).toMatchObject({ max_completion_tokens: 512 });
    expect(openai.value).not.toHaveProperty('max_tokens');
    expect(openai.value).not.toHaveProperty('top_k');
    expect(openai.warnings).toEqual(['dropped top_k: this target does not take it']);
  });

  it.each([
    [{ type: 'enabled', budgetTokens: 1024 } as const, undefined, 'low'],
    [{ type: 'enabled', budgetTokens: 2048 } as const, undefined, 'low'],
    [{ type: 'enabled', budgetTokens: 2049 } as const, undefined, 'medium'],
    [{ type: 'enabled', budgetTokens: 8192 } as const, undefined, 'medium'],
    [{ type: 'enabled', budgetTokens: 32000 } as const, undefined, 'high'],
    [{ type: 'enabled', budgetTokens: 32000 } as const, 'low' as const, 'low'],
    [{ type: 'adaptive' } as const, 'medium' as const, 'medium'],
    [{ type: 'adaptive' } as const, undefined, undefined],
    [{ type: 'disabled' } as const, undefined, undefined],
  ])('maps thinking %j with effort %s to reasoning_effort %s', (thinking, reasoningEffort, expected) => {
    const { value } = encodeOpenAIChatRequest(base({ thinking, reasoningEffort }));
    expect(value.reasoning_effort).toBe(expected);
  });

  it('asks a streamed request for include_usage, always', () => {
    expect(encodeOpenAIChatRequest(base({ stream: true })).value).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(encodeOpenAIChatRequest(base()).value).not.toHaveProperty('stream_options');
  });

  it('encodes response format, user, penalties and metadata', () => {
    const { value } = encodeOpenAIChatRequest(
      base({
        responseFormat: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true, description: 'An answer' },
        user: 'user-1',
        frequencyPenalty: 0.3,
        presencePenalty: 0.4,
        metadata: { team: 'a' },
      }),
    );
    expect(value).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' }, description: 'An answer', strict: true } },
      user: 'user-1',
      frequency_penalty: 0.3,
      presence_penalty: 0.4,
      metadata: { team: 'a' },
    });
    expect(encodeOpenAIChatRequest(base({ responseFormat: { type: 'json_object' } })).value.response_format).toEqual({ type: 'json_object' });
  });

  // Regression: Claude Code's metadata.user_id (a ~150-character JSON object) went out as `user`, and OpenAI
  // refuses a `user` over 64 characters with a 400, so every Claude Code request to an OpenAI target failed.
  it('regression: sends a user over 64 characters as a stable 64-character digest, with a warning', () => {
    const claudeCodeUserId = JSON.stringify({ device_id: 'a'.repeat(64), account_uuid: '', session_id: '4d717d8d-b1ea-487d-8213-f35cb88eaebf' });
    const first = encodeOpenAIChatRequest(base({ user: claudeCodeUserId }));
    expect(first.value.user).toMatch(/^[0-9a-f]{64}$/);
    expect(first.warnings).toEqual(['sent "user" as its SHA-256 digest: openai-chat targets take at most 64 characters']);
    expect(encodeOpenAIChatRequest(base({ user: claudeCodeUserId })).value.user).toBe(first.value.user);
    expect(encodeOpenAIChatRequest(base({ user: `${claudeCodeUserId} ` })).value.user).not.toBe(first.value.user);

    const fits = encodeOpenAIChatRequest(base({ user: 'u'.repeat(64) }));
    expect(fits.value.user).toBe('u'.repeat(64));
    expect(fits.warnings).toEqual([]);
  });

  it('gives back the raw text of arguments an upstream wrote unparsable', () => {
    const { value } = encodeOpenAIChatRequest(
      base({
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Go' }] },
          { role: 'assistant', content: [{ type: 'tool_call', id: 'c1', name: 'a', arguments: { _raw: '{"cut' } }] },
        ],
      }),
    );
    expect(value.messages[1]!.tool_calls![0]).toMatchObject({ function: { arguments: '{"cut' } });
  });

  it('produces a body the wire validator accepts, which decodes back to the same meaning', () => {
    const request = base({
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', text: 'Use the tool.' },
            { type: 'text', text: 'Checking.' },
            { type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', toolCallId: 'call_1', content: [{ type: 'text', text: '21°C' }] },
            { type: 'text', text: 'And tomorrow?' },
            { type: 'image', source: { type: 'base64', mediaType: 'image/jpeg', data: '/9j/4A' }, detail: 'auto' },
          ],
        },
      ],
      tools: [{ name: 'get_weather', description: 'Weather by city', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      toolChoice: { type: 'auto' },
      parallelToolCalls: true,
      maxTokens: 300,
      temperature: 0.5,
      topP: 0.9,
      topK: 50,
      stopSequences: ['END'],
      stream: true,
      reasoningEffort: 'medium',
      responseFormat: { type: 'json_object' },
      user: 'u1',
      seed: 1,
      frequencyPenalty: 0.1,
      presencePenalty: 0.2,
      metadata: { a: 'b' },
    });
    const encoded = encodeOpenAIChatRequest(request, { acceptsReasoningContent: true });
    expect(encoded.warnings).toEqual([]);
    const validated = validateOpenAIChatRequest(JSON.parse(JSON.stringify(encoded.value)));
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    const ctx = { now: () => 0, newId: (prefix: string) => prefix, requestModel: request.model };
    const decoded = decodeOpenAIChatRequest(validated.value, ctx);
    expect(decoded.value).toEqual(request);
    expect(decoded.includeUsage).toBe(true);
    expect(decoded.warnings).toEqual([]);
  });
});
