import { type SseEvent } from '@gatehouse/sse';
import { openAIChatChunkSchema } from '@gatehouse/wire';
import { describe, expect, it } from 'vitest';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { OpenAIChatStreamEncoder } from './openai-chat-stream-encoder';

const ctx: TranslationContext = { now: () => 1_700_000_000_500, newId: (prefix) => `${prefix}-1`, requestModel: 'alias' };

function run(events: CanonicalStreamEvent[], includeUsage = false) {
  const encoder = new OpenAIChatStreamEncoder(ctx, { includeUsage });
  const out: SseEvent[] = [];
  for (const event of events) out.push(...encoder.push(event));
  out.push(...encoder.end());
  return { out, encoder };
}

const parsed = (events: SseEvent[]) => events.map((event) => (event.data === '[DONE]' ? '[DONE]' : (JSON.parse(event.data) as Record<string, unknown>)));
const deltas = (events: SseEvent[]) =>
  parsed(events).flatMap((chunk) => (typeof chunk === 'string' ? [] : ((chunk.choices as { delta: unknown }[])[0]?.delta ?? [])));

const textStream: CanonicalStreamEvent[] = [
  { type: 'start', id: 'msg_1', model: 'claude', usage: { inputTokens: 10, outputTokens: 1 } },
  { type: 'block_start', index: 0, block: { type: 'text' } },
  { type: 'text_delta', index: 0, text: 'Hi' },
  { type: 'block_stop', index: 0 },
  { type: 'stop', stopReason: 'end_turn' },
  { type: 'usage', usage: { outputTokens: 7 } },
  { type: 'end' },
];

describe('OpenAIChatStreamEncoder', () => {
  it('writes valid chunks sharing id, created and the client model, then [DONE]', () => {
    const { out } = run(textStream);
    const chunks = parsed(out);
    expect(chunks.at(-1)).toBe('[DONE]');
    for (const chunk of chunks.slice(0, -1)) {
      expect(openAIChatChunkSchema.safeParse(chunk).success).toBe(true);
      expect(chunk).toMatchObject({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'alias' });
      expect(chunk).not.toHaveProperty('usage');
    }
    expect(deltas(out)).toEqual([{ role: 'assistant', content: '' }, { content: 'Hi' }, {}]);
  });

  it('adds usage null to every chunk and a usage chunk with late usage before [DONE] when asked', () => {
    const { out, encoder } = run(textStream, true);
    const chunks = parsed(out);
    expect(chunks.slice(0, 3).every((chunk) => typeof chunk !== 'string' && chunk.usage === null)).toBe(true);
    expect(chunks[3]).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 10, completion_tokens: 7, total_tokens: 17, prompt_tokens_details: { cached_tokens: 0 } },
    });
    expect(chunks[4]).toBe('[DONE]');
    expect(encoder.usage).toEqual({ inputTokens: 10, outputTokens: 7, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  it('numbers tool calls from 0 in order of appearance, whatever their block index', () => {
    const { out } = run([
      { type: 'start', id: 'm', model: 'm' },
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'text_delta', index: 0, text: 'x' },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'toolu_a', name: 'a' } },
      { type: 'tool_arguments_delta', index: 1, json: '{"q":' },
      { type: 'tool_arguments_delta', index: 1, json: '1}' },
      { type: 'block_stop', index: 1 },
      { type: 'block_start', index: 2, block: { type: 'tool_call', id: 'toolu_b', name: 'b' } },
      { type: 'tool_arguments_delta', index: 2, json: '{}' },
      { type: 'block_stop', index: 2 },
      { type: 'stop', stopReason: 'tool_use' },
      { type: 'end' },
    ]);
    expect(deltas(out)).toEqual([
      { role: 'assistant', content: '' },
      { content: 'x' },
      { tool_calls: [{ index: 0, id: 'toolu_a', type: 'function', function: { name: 'a', arguments: '' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '{"q":' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '1}' } }] },
      { tool_calls: [{ index: 1, id: 'toolu_b', type: 'function', function: { name: 'b', arguments: '' } }] },
      { tool_calls: [{ index: 1, function: { arguments: '{}' } }] },
      {},
    ]);
    expect((parsed(out).at(-2) as { choices: { finish_reason: string }[] }).choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('finishes with tool_calls when tool calls went out, even if the stop reason said end_turn', () => {
    const { out } = run([
      { type: 'start', id: 'm', model: 'm' },
      { type: 'block_start', index: 0, block: { type: 'tool_call', id: 't', name: 'n' } },
      { type: 'block_stop', index: 0 },
      { type: 'stop', stopReason: 'end_turn' },
      { type: 'end' },
    ]);
    expect((parsed(out).at(-2) as { choices: { finish_reason: string }[] }).choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('streams thinking as reasoning_content and drops signatures and redacted thinking', () => {
    const { out } = run([
      { type: 'start', id: 'm', model: 'm' },
      { type: 'block_start', index: 0, block: { type: 'thinking' } },
      { type: 'thinking_delta', index: 0, text: 'hm' },
      { type: 'signature_delta', index: 0, signature: 'sig' },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'redacted_thinking', data: 'x' } },
      { type: 'block_stop', index: 1 },
      { type: 'stop', stopReason: 'end_turn' },
      { type: 'end' },
    ]);
    expect(deltas(out)).toEqual([{ role: 'assistant', content: '' }, { reasoning_content: 'hm' }, {}]);
  });

  it('ends with the error in OpenAI form and no [DONE], and ignores what follows', () => {
    const encoder = new OpenAIChatStreamEncoder(ctx, { includeUsage: true });
    encoder.push({ type: 'start', id: 'm', model: 'm' });
    const error = new GatewayError('rate_limited', 'slow down', { retryAfter: 3 });
    expect(encoder.push({ type: 'error', error })).toEqual([
      { data: JSON.stringify({ error: { message: 'slow down', type: 'rate_limit_error', param: null, code: 'rate_limited' } }) },
    ]);
    expect(encoder.push({ type: 'end' })).toEqual([]);
    expect(encoder.end()).toEqual([]);
  });

  it('sends the role chunk before the first content even without a start event', () => {
    const { out } = run([{ type: 'text_delta', index: 0, text: 'x' }, { type: 'stop', stopReason: 'max_tokens' }, { type: 'end' }]);
    expect(deltas(out)).toEqual([{ role: 'assistant', content: '' }, { content: 'x' }, {}]);
    expect((parsed(out).at(-2) as { choices: { finish_reason: string }[] }).choices[0]!.finish_reason).toBe('length');
  });

  it('writes a finish chunk at end when no stop came, and an error when the canonical stream was cut', () => {
    expect(deltas(run([{ type: 'start', id: 'm', model: 'm' }, { type: 'end' }]).out)).toEqual([{ role: 'assistant', content: '' }, {}]);
    const cut = run([{ type: 'start', id: 'm', model: 'm' }, { type: 'text_delta', index: 0, text: 'x' }]).out;
    expect(JSON.parse(cut.at(-1)!.data)).toMatchObject({ error: { type: 'server_error', message: 'the response stream ended unexpectedly' } });
    expect(cut.some((event) => event.data === '[DONE]')).toBe(false);
  });
});
