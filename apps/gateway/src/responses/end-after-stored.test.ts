import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EndAfterStored } from './end-after-stored';

describe('EndAfterStored', () => {
  it('passes every chunk on at once, stores after the last one, and ends only once stored', async () => {
    let storeStarted = false;
    let finishStore!: () => void;
    const stream = new EndAfterStored(() => {
      storeStarted = true;
      return new Promise((resolve) => (finishStore = resolve));
    });
    const source = new PassThrough();
    source.pipe(stream);
    const received: string[] = [];
    let ended = false;
    stream.on('data', (chunk: Buffer) => received.push(chunk.toString()));
    stream.on('end', () => (ended = true));

    source.write('event: response.output_text.delta\n\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toEqual(['event: response.output_text.delta\n\n']);
    expect(storeStarted).toBe(false);

    source.end('event: response.completed\n\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toHaveLength(2);
    expect(storeStarted).toBe(true);
    expect(ended).toBe(false);

    finishStore();
    await new Promise((resolve) => stream.once('end', resolve));
    expect(ended).toBe(true);
  });
});
