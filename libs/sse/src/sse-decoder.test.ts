import { describe, expect, it } from 'vitest';
import { SseDecoder } from './sse-decoder';
import { type SseEvent } from './sse-event';

function decodeAll(input: string | Uint8Array, decoder = new SseDecoder()): SseEvent[] {
  return [...decoder.push(input), ...decoder.end()];
}

describe('SseDecoder parsing rules', () => {
  it.each<[string, string, SseEvent[]]>([
    ['a data line and a blank line make an event', 'data: hello\n\n', [{ data: 'hello' }]],
    ['the event field names the event', 'event: ping\ndata: {}\n\n', [{ event: 'ping', data: '{}' }]],
    ['data lines are joined with \\n', 'data: a\ndata: b\ndata: c\n\n', [{ data: 'a\nb\nc' }]],
    ['only one space after the colon is stripped', 'data:  two spaces\n\n', [{ data: ' two spaces' }]],
    ['no space after the colon is fine', 'data:tight\n\n', [{ data: 'tight' }]],
    ['a tab after the colon is kept', 'data:\tx\n\n', [{ data: '\tx' }]],
    ['colons inside the value are kept', 'data: {"a":"b:c"}\n\n', [{ data: '{"a":"b:c"}' }]],
    ['a line without a colon is a field with an empty value', 'data\n\n', [{ data: '' }]],
    ['an empty data line still dispatches', 'data:\n\n', [{ data: '' }]],
    ['an empty data line adds an empty line', 'data: a\ndata:\ndata: b\n\n', [{ data: 'a\n\nb' }]],
    ['comment lines are ignored', ': keep-alive\ndata: x\n: another\n\n', [{ data: 'x' }]],
    ['a comment alone dispatches nothing', ': ping\n\n', []],
    ['an event with no data is not dispatched', 'event: lonely\n\ndata: next\n\n', [{ data: 'next' }]],
    ['the event type does not carry over', 'event: a\ndata: 1\n\ndata: 2\n\n', [{ event: 'a', data: '1' }, { data: '2' }]],
    ['an empty event field means the default type', 'event: a\nevent:\ndata: x\n\n', [{ data: 'x' }]],
    ['the last event field wins', 'event: a\nevent: b\ndata: x\n\n', [{ event: 'b', data: 'x' }]],
    ['unknown fields are ignored', 'foo: bar\ndata: x\nDATA: y\n\n', [{ data: 'x' }]],
    ['the id field is reported on its event', 'id: 7\ndata: x\n\n', [{ id: '7', data: 'x' }]],
    ['an id holding NUL is ignored', 'id: a\0b\ndata: x\n\n', [{ data: 'x' }]],
    ['retry with digits is reported', 'retry: 3000\ndata: x\n\n', [{ retry: 3000, data: 'x' }]],
    ['retry with anything but digits is ignored', 'retry: 3s\ndata: x\n\nretry: -1\ndata: y\n\n', [{ data: 'x' }, { data: 'y' }]],
    ['\\r\\n ends lines', 'event: e\r\ndata: a\r\ndata: b\r\n\r\n', [{ event: 'e', data: 'a\nb' }]],
    ['a lone \\r ends lines', 'event: e\rdata: a\rdata: b\r\r', [{ event: 'e', data: 'a\nb' }]],
    ['mixed line endings', 'data: a\r\ndata: b\rdata: c\n\r\n', [{ data: 'a\nb\nc' }]],
    ['\\n\\r is two line endings', 'data: a\n\rdata: b\n\n', [{ data: 'a' }, { data: 'b' }]],
    ['extra blank lines dispatch nothing more', '\n\ndata: a\n\n\n\n', [{ data: 'a' }]],
    ['a BOM at the start is stripped', '\uFEFFdata: a\n\n', [{ data: 'a' }]],
    ['a BOM later is part of the line', 'data: a\n\n\uFEFFdata: b\n\n', [{ data: 'a' }]],
    ['an event without its closing blank line is dropped at the end', 'data: a\n\ndata: b\n', [{ data: 'a' }]],
    ['an unfinished last line is dropped at the end', 'data: a\n\ndata: b', [{ data: 'a' }]],
    ['an OpenAI [DONE] sentinel is plain data', 'data: [DONE]\n\n', [{ data: '[DONE]' }]],
  ])('%s', (_name, input, expected) => {
    expect(decodeAll(input)).toEqual(expected);
    expect(decodeAll(new TextEncoder().encode(input))).toEqual(expected);
  });

  it('strips a BOM that arrives as bytes, even split across chunks', () => {
    const decoder = new SseDecoder();
    expect(decoder.push(new Uint8Array([0xef, 0xbb]))).toEqual([]);
    expect(decoder.push(new Uint8Array([0xbf, ...new TextEncoder().encode('data: a\n\n')]))).toEqual([{ data: 'a' }]);
  });

  it('keeps the last event ID across events, as the spec does', () => {
    const decoder = new SseDecoder();
    const events = decoder.push('id: 1\ndata: a\n\ndata: b\n\n');
    expect(events).toEqual([{ id: '1', data: 'a' }, { data: 'b' }]);
    expect(decoder.lastEventId).toBe('1');
    decoder.push('id\ndata: c\n\n');
    expect(decoder.lastEventId).toBe('');
  });

  it('dispatches the unterminated event at the end when asked to', () => {
    const decoder = new SseDecoder({ dispatchUnterminatedEvent: true });
    expect([...decoder.push('data: a\n\nevent: e\ndata: b'), ...decoder.end()]).toEqual([
      { data: 'a' },
      { event: 'e', data: 'b' },
    ]);
  });

  it('does not dispatch an unterminated event that has no data', () => {
    const decoder = new SseDecoder({ dispatchUnterminatedEvent: true });
    expect([...decoder.push('event: e\n'), ...decoder.end()]).toEqual([]);
  });

  it('turns invalid UTF-8 into U+FFFD instead of failing', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('data: a'), 0xff, 0x0a, 0x0a]);
    expect(decodeAll(bytes)).toEqual([{ data: 'a\uFFFD' }]);
  });

  it('replaces a UTF-8 sequence cut off by the end of the stream', () => {
    const decoder = new SseDecoder({ dispatchUnterminatedEvent: true });
    decoder.push(new Uint8Array([...new TextEncoder().encode('data: '), 0xe4, 0xb8]));
    expect(decoder.end()).toEqual([{ data: '\uFFFD' }]);
  });

  it('is reusable after end()', () => {
    const decoder = new SseDecoder();
    expect(decodeAll('id: 1\ndata: a\r', decoder)).toEqual([]);
    expect(decoder.lastEventId).toBe('');
    // The \r of the first stream must not swallow the \n that starts the second one.
    expect(decodeAll('\ndata: b\n\n', decoder)).toEqual([{ data: 'b' }]);
  });

  it('returns events as soon as their blank line arrives', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('data: a\n')).toEqual([]);
    expect(decoder.push('\n')).toEqual([{ data: 'a' }]);
    expect(decoder.push('data: b\r')).toEqual([]);
    expect(decoder.push('\r')).toEqual([{ data: 'b' }]);
  });

  it('reads a line split over many pushes', () => {
    const decoder = new SseDecoder();
    const events: SseEvent[] = [];
    for (const piece of ['da', 'ta', ': he', 'llo', ' wor', 'ld', '\n', '\n']) events.push(...decoder.push(piece));
    expect(events).toEqual([{ data: 'hello world' }]);
  });
});
