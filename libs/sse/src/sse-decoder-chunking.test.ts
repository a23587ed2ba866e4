import { describe, expect, it } from 'vitest';
import { SseDecoder } from './sse-decoder';
import { type SseEvent } from './sse-event';

// Hand-made samples in the documented wire formats:
// https://platform.openai.com/docs/api-reference/chat-streaming and https://docs.claude.com/en/docs/build-with-claude/streaming
const openAIChunk = (delta: string, finish: string | null = null) =>
  `{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":${delta},"finish_reason":${finish === null ? 'null' : `"${finish}"`}}]}`;

const openAIChatEvents: SseEvent[] = [
  { data: openAIChunk('{"role":"assistant","content":""}') },
  { data: openAIChunk('{"content":"héllo 世界 🎉"}') },
  { data: openAIChunk('{"content":" ok"}') },
  { data: openAIChunk('{}', 'stop') },
  {
    data: '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}}',
  },
  { data: '[DONE]' },
];
const openAIChatStream = openAIChatEvents.map((event) => `data: ${event.data}\n\n`).join('');

const anthropicEvents: SseEvent[] = [
  {
    event: 'message_start',
    data: '{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}',
  },
  { event: 'content_block_start', data: '{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}' },
  { event: 'ping', data: '{"type": "ping"}' },
  { event: 'content_block_delta', data: '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"héllo 世界 🎉"}}' },
  { event: 'content_block_delta', data: '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"!"}}' },
  { event: 'content_block_stop', data: '{"type":"content_block_stop","index":0}' },
  { event: 'message_delta', data: '{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}}' },
  { event: 'message_stop', data: '{"type":"message_stop"}' },
];
const anthropicStream = anthropicEvents.map((event) => `event: ${event.event}\ndata: ${event.data}\n\n`).join('');

const edgeCaseStream =
  '\uFEFF: comment first\n' +
  'retry: 1500\nid: 42\nevent: note\ndata: first line\ndata:\ndata:  indented é\n\n' +
  'event: no-data\n\n' +
  'data\n\n' +
  'data: 🎉🎉\n\n';
const edgeCaseEvents: SseEvent[] = [
  { event: 'note', id: '42', retry: 1500, data: 'first line\n\n indented é' },
  { data: '' },
  { data: '🎉🎉' },
];

const lineEndings = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;
const samples = Object.entries({ openAIChatStream, anthropicStream, edgeCaseStream }).flatMap(([name, text]) =>
  Object.entries(lineEndings).map(([ending, newline]) => ({
    name: `${name} (${ending})`,
    bytes: new TextEncoder().encode(text.replace(/\n/g, newline)),
    expected: { openAIChatStream: openAIChatEvents, anthropicStream: anthropicEvents, edgeCaseStream: edgeCaseEvents }[name]!,
  })),
);

function decodeChunks(chunks: Uint8Array[]): SseEvent[] {
  const decoder = new SseDecoder();
  const events: SseEvent[] = [];
  for (const chunk of chunks) events.push(...decoder.push(chunk));
  events.push(...decoder.end());
  return events;
}

/** mulberry32: a tiny seeded generator, so a failure reproduces. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SseDecoder across chunk boundaries', () => {
  it.each(samples)('$name: decodes the whole stream at once', ({ bytes, expected }) => {
    expect(decodeChunks([bytes])).toEqual(expected);
  });

  it.each(samples)('$name: same events when split at every byte offset', ({ bytes, expected }) => {
    for (let offset = 0; offset <= bytes.length; offset++) {
      const events = decodeChunks([bytes.subarray(0, offset), bytes.subarray(offset)]);
      if (JSON.stringify(events) !== JSON.stringify(expected)) {
        expect({ offset, events }).toEqual({ offset, events: expected });
      }
    }
  });

  it.each(samples)('$name: same events fed one byte at a time', ({ bytes, expected }) => {
    const oneByteChunks = Array.from({ length: bytes.length }, (_, index) => bytes.subarray(index, index + 1));
    expect(decodeChunks(oneByteChunks)).toEqual(expected);
  });

  it.each(samples)('$name: same events when split at random offsets', ({ bytes, expected }) => {
    const random = seededRandom(bytes.length);
    for (let round = 0; round < 300; round++) {
      const cuts = Array.from({ length: 1 + Math.floor(random() * 12) }, () => Math.floor(random() * (bytes.length + 1)));
      cuts.sort((a, b) => a - b);
      const chunks: Uint8Array[] = [];
      let previous = 0;
      for (const cut of [...cuts, bytes.length]) {
        chunks.push(bytes.subarray(previous, cut));
        previous = cut;
      }
      const events = decodeChunks(chunks);
      if (JSON.stringify(events) !== JSON.stringify(expected)) expect({ cuts, events }).toEqual({ cuts, events: expected });
    }
  });

  it.each(samples)('$name: same events from string chunks split at every character, surrogate halves included', ({ bytes, expected }) => {
    const text = new TextDecoder().decode(bytes);
    for (let offset = 0; offset <= text.length; offset++) {
      const decoder = new SseDecoder();
      const events = [...decoder.push(text.slice(0, offset)), ...decoder.push(text.slice(offset)), ...decoder.end()];
      if (JSON.stringify(events) !== JSON.stringify(expected)) {
        expect({ offset, events }).toEqual({ offset, events: expected });
      }
    }
  });

  it('keeps a split \\r\\n as one line ending even when the \\n comes alone', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('data: a\r\n\r')).toEqual([{ data: 'a' }]);
    expect(decoder.push('\n')).toEqual([]);
    expect(decoder.push('data: b\r\n\r\n')).toEqual([{ data: 'b' }]);
  });
});
