import { type SseEvent } from '@gatehouse/sse';
import { describe, expect, it } from 'vitest';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { OpenAIResponsesStreamDecoder } from './openai-responses-stream-decoder';

let sequence = 0;
const event = (type: string, fields: Record<string, unknown> = {}): SseEvent => ({
  event: type,
  data: JSON.stringify({ type, sequence_number: sequence++, ...fields }),
});
const created = event('response.created', { response: { id: 'resp_1', model: 'gpt-5', status: 'in_progress', output: [] } });
const completed = (usage?: unknown) => event('response.completed', { response: { id: 'resp_1', status: 'completed', usage } });

function run(events: SseEvent[]): CanonicalStreamEvent[] {
  const decoder = new OpenAIResponsesStreamDecoder();
  return [...events.flatMap((input) => decoder.push(input)), ...decoder.end()];
}

describe('OpenAIResponsesStreamDecoder', () => {
  it('reads reasoning from the first kind of reasoning event only', () => {
    const out = run([
      created,
      event('response.output_item.added', { output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [] } }),
      event('response.reasoning_text.delta', { item_id: 'rs_1', output_index: 0, content_index: 0, delta: 'raw' }),
      event('response.reasoning_summary_text.delta', { item_id: 'rs_1', output_index: 0, summary_index: 0, delta: 'summary' }),
      event('response.output_item.done', { output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [] } }),
      completed(),
    ]);
    expect(out.filter((e) => e.type === 'thinking_delta')).toEqual([{ type: 'thinking_delta', index: 0, text: 'raw' }]);
  });

  it('ends with an error when the arguments of two calls interleave', () => {
    const out = run([
      created,
      event('response.output_item.added', { output_index: 0, item: { id: 'fc_1', type: 'function_call', call_id: 'c1', name: 'a', arguments: '' } }),
      event('response.output_item.added', { output_index: 1, item: { id: 'fc_2', type: 'function_call', call_id: 'c2', name: 'b', arguments: '' } }),
      event('response.function_call_arguments.delta', { item_id: 'fc_1', output_index: 0, delta: '{}' }),
      completed(),
    ]);
    expect(out.at(-1)).toMatchObject({ type: 'error', error: { code: 'upstream' } });
  });

  it('reads events without event lines, skips keep-alives and [DONE], and fails on a non-JSON event', () => {
    const plain = (input: SseEvent): SseEvent => ({ data: input.data });
    expect(run([plain(created), { data: '' }, plain(completed()), { data: '[DONE]' }]).map((e) => e.type)).toEqual(['start', 'stop', 'end']);
    expect(run([created, { data: 'oops' }]).at(-1)).toMatchObject({ type: 'error', error: { code: 'upstream', retryable: true } });
  });

  it('starts even when the upstream skips response.created, and fails a stream without any event', () => {
    const out = run([event('response.output_text.delta', { item_id: 'm', output_index: 0, content_index: 0, delta: 'x' }), completed()]);
    expect(out.map((e) => e.type)).toEqual(['start', 'block_start', 'text_delta', 'block_stop', 'stop', 'end']);
    expect(run([])).toEqual([
      { type: 'error', error: expect.objectContaining({ message: 'the upstream stream ended without sending anything', retryable: true }) },
    ]);
  });

  it('opens a new block for each content part of a message', () => {
    const out = run([
      created,
      event('response.output_text.delta', { item_id: 'm', output_index: 0, content_index: 0, delta: 'a' }),
      event('response.output_text.delta', { item_id: 'm', output_index: 0, content_index: 1, delta: 'b' }),
      completed({ input_tokens: 1, output_tokens: 2, total_tokens: 3 }),
    ]);
    expect(out.filter((e) => e.type === 'block_start' || e.type === 'usage')).toEqual([
      { type: 'block_start', index: 0, block: { type: 'text' } },
      { type: 'block_start', index: 1, block: { type: 'text' } },
      { type: 'usage', usage: { inputTokens: 1, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } },
    ]);
  });

  it('ignores what follows the end', () => {
    const decoder = new OpenAIResponsesStreamDecoder();
    decoder.push(created);
    decoder.push(completed());
    expect(decoder.push(event('response.output_text.delta', { item_id: 'm', delta: 'late' }))).toEqual([]);
    expect(decoder.end()).toEqual([]);
  });
});
