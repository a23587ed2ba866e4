import { Readable, type Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { machineTransform, type StreamMachine } from './machine-transform';
import { sseDecodeTransform } from './sse-decode-transform';
import { sseEncodeTransform } from './sse-encode-transform';
import { type SseEvent } from './sse-event';

async function collect<T>(source: Readable, ...transforms: Transform[]): Promise<T[]> {
  const items: T[] = [];
  const sink = new Writable({
    objectMode: true,
    write(item: T, _encoding, callback) {
      items.push(item);
      callback();
    },
  });
  await pipeline([source, ...transforms, sink]);
  return items;
}

/** Upper-cases words and emits them whole, only once a space or the end shows the word is complete. */
class WordMachine implements StreamMachine<string, string> {
  private pending = '';
  push(input: string): string[] {
    const parts = (this.pending + input).split(' ');
    this.pending = parts.pop()!;
    return parts.filter(Boolean).map((word) => word.toUpperCase());
  }
  end(): string[] {
    return this.pending ? [this.pending.toUpperCase()] : [];
  }
}

describe('machineTransform', () => {
  it('streams what the machine outputs, and its end batch last', async () => {
    const words = await collect<string>(Readable.from(['he', 'llo wo', 'rld and', ' more']), machineTransform(new WordMachine()));
    expect(words).toEqual(['HELLO', 'WORLD', 'AND', 'MORE']);
  });

  it('errors the stream when the machine throws', async () => {
    const failing: StreamMachine<number, number> = {
      push: (input) => {
        if (input === 2) throw new Error('bad input 2');
        return [input];
      },
      end: () => [],
    };
    await expect(collect(Readable.from([1, 2, 3]), machineTransform(failing))).rejects.toThrow('bad input 2');
  });

  it('errors the stream when end() throws', async () => {
    const failing: StreamMachine<number, number> = {
      push: (input) => [input],
      end: () => {
        throw new Error('truncated');
      },
    };
    await expect(collect(Readable.from([1]), machineTransform(failing))).rejects.toThrow('truncated');
  });
});

describe('SSE transforms', () => {
  const events: SseEvent[] = [
    { event: 'message_start', data: '{"type":"message_start"}' },
    { event: 'content_block_delta', data: '{"text":"héllo 世界 🎉"}' },
    { data: 'two\nlines' },
    { data: '[DONE]' },
  ];

  it('decodes byte chunks into events, whatever the chunking', async () => {
    const bytes = Buffer.from(events.map((event) => (event.event ? `event: ${event.event}\r\n` : '') + event.data.split('\n').map((line) => `data: ${line}\r\n`).join('') + '\r\n').join(''));
    const threeByteChunks = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, index) => bytes.subarray(index * 3, index * 3 + 3));
    expect(await collect<SseEvent>(Readable.from(threeByteChunks), sseDecodeTransform())).toEqual(events);
  });

  it('encodes events to bytes that decode back to the same events', async () => {
    const chunks = await collect<Buffer>(Readable.from(events), sseEncodeTransform());
    expect(chunks.every((chunk) => Buffer.isBuffer(chunk))).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toContain('event: message_start\ndata: {"type":"message_start"}\n\n');
    expect(await collect<SseEvent>(Readable.from(chunks), sseDecodeTransform())).toEqual(events);
  });

  it('pipes encode into decode', async () => {
    expect(await collect<SseEvent>(Readable.from(events), sseEncodeTransform(), sseDecodeTransform())).toEqual(events);
  });

  it('fails the pipeline on an event that cannot be framed', async () => {
    await expect(collect(Readable.from([{ event: 'bad\nname', data: 'x' }]), sseEncodeTransform())).rejects.toThrow('line break');
  });
});
