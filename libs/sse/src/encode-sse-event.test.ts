import { describe, expect, it } from 'vitest';
import { encodeSseEvent, encodeSseEventBytes } from './encode-sse-event';
import { SseDecoder } from './sse-decoder';
import { type SseEvent } from './sse-event';

describe('encodeSseEvent', () => {
  it.each<[string, SseEvent, string]>([
    ['data only', { data: '{"a":1}' }, 'data: {"a":1}\n\n'],
    ['event and data', { event: 'message_stop', data: '{"type":"message_stop"}' }, 'event: message_stop\ndata: {"type":"message_stop"}\n\n'],
    ['every field', { event: 'e', id: '7', retry: 250, data: 'x' }, 'event: e\nid: 7\nretry: 250\ndata: x\n\n'],
    ['multi-line data', { data: 'a\nb\n\nc' }, 'data: a\ndata: b\ndata: \ndata: c\n\n'],
    ['\\r\\n and \\r in data', { data: 'a\r\nb\rc' }, 'data: a\ndata: b\ndata: c\n\n'],
    ['empty data', { data: '' }, 'data: \n\n'],
    ['an empty event name is the default type', { event: '', data: 'x' }, 'data: x\n\n'],
  ])('%s', (_name, event, frame) => {
    expect(encodeSseEvent(event)).toBe(frame);
  });

  it('gives the same frame as UTF-8 bytes', () => {
    const event = { event: 'delta', data: 'héllo 世界 🎉' };
    expect(new TextDecoder().decode(encodeSseEventBytes(event))).toBe(encodeSseEvent(event));
  });

  it.each<[string, SseEvent]>([
    ['a line break in the event name', { event: 'a\nb', data: 'x' }],
    ['a line break in the id', { id: '1\r', data: 'x' }],
    ['a negative retry', { retry: -1, data: 'x' }],
    ['a fractional retry', { retry: 1.5, data: 'x' }],
  ])('refuses %s, which would break the framing', (_name, event) => {
    expect(() => encodeSseEvent(event)).toThrow();
  });

  it('round-trips through the decoder', () => {
    const events: SseEvent[] = [
      { data: '{"choices":[{"delta":{"content":"héllo 世界 🎉"}}]}' },
      { event: 'content_block_delta', data: '{"type":"content_block_delta"}' },
      { event: 'note', id: 'evt-1', retry: 1000, data: 'line one\nline two\n\n  indented' },
      { data: '' },
      { data: ' leading space and trailing space ' },
      { data: ': looks like a comment' },
      { id: '', data: 'empty id' },
      { data: '[DONE]' },
    ];
    const decoder = new SseDecoder();
    const stream = events.map(encodeSseEvent).join('');
    expect([...decoder.push(new TextEncoder().encode(stream)), ...decoder.end()]).toEqual(events);
  });
});
