import { describe, expect, it } from 'vitest';
import { SseContentCounter } from './sse-content-counter';

const openAiStream = [
  'data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}',
  'data: {"choices":[{"index":0,"delta":{"content":"Hel"}}]}',
  'data: {"choices":[{"index":0,"delta":{"content":"lo é"}}]}',
  'data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{}"}}]}}]}',
  'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
  'data: {"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2}}',
  'data: [DONE]',
].map((event) => `${event}\n\n`).join('');

const anthropicStream = [
  'event: message_start\ndata: {"type":"message_start","message":{"id":"m","content":[]}}',
  'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
  'event: ping\ndata: {"type":"ping"}',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" there"}}',
  'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}',
  'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}',
  'event: message_stop\ndata: {"type":"message_stop"}',
].map((event) => `${event}\r\n\r\n`.replaceAll('\n', '\r\n').replaceAll('\r\r\n', '\r\n')).join('');

/** Feeds the bytes in pieces cut at the given offsets and adds up what the counter reports. */
function countInPieces(dialect: 'openai-chat' | 'anthropic-messages', text: string, cuts: number[]): number {
  const bytes = Buffer.from(text);
  const counter = new SseContentCounter(dialect);
  let total = 0;
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    total += counter.push(bytes.subarray(from, cut));
    from = cut;
  }
  return total;
}

describe('SseContentCounter', () => {
  it('counts text and tool-call deltas of Chat Completions, not the role chunk, the finish, usage or [DONE]', () => {
    expect(countInPieces('openai-chat', openAiStream, [])).toBe(3);
  });

  it('counts content_block_delta events of Anthropic, not lifecycle events or pings, with CRLF line ends', () => {
    expect(countInPieces('anthropic-messages', anthropicStream, [])).toBe(2);
  });

  it('counts the same wherever the bytes are cut, inside a multi-byte character included', () => {
    const bytes = Buffer.byteLength(openAiStream);
    for (let step = 1; step < 40; step += 3) {
      const cuts = Array.from({ length: Math.floor(bytes / step) }, (_, index) => (index + 1) * step).filter((cut) => cut < bytes);
      expect(countInPieces('openai-chat', openAiStream, cuts)).toBe(3);
      expect(countInPieces('anthropic-messages', anthropicStream, cuts)).toBe(2);
    }
  });

  it('reports an event only once it is complete', () => {
    const counter = new SseContentCounter('openai-chat');
    expect(counter.push(Buffer.from('data: {"choices":[{"delta":{"content":"x"}}]}\n'))).toBe(0);
    expect(counter.push(Buffer.from('\n'))).toBe(1);
  });
});
