import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBody, readText } from './read-body';

describe('readBody', () => {
  it('joins every chunk of the body, in order', async () => {
    expect(await readText(Readable.from([Buffer.from('{"a":'), Buffer.from('"é"'), Buffer.from('}')]))).toBe('{"a":"é"}');
    expect(await readBody(Readable.from([], { objectMode: false }))).toEqual(Buffer.alloc(0));
  });

  it('fails when the body fails, or closes before its end', async () => {
    const failing = new PassThrough();
    const failed = readBody(failing);
    failing.write('partial');
    failing.destroy(new Error('socket hang up'));
    await expect(failed).rejects.toThrow('socket hang up');

    const cut = new PassThrough();
    const closed = readBody(cut);
    cut.write('partial');
    cut.destroy();
    await expect(closed).rejects.toThrow('closed before its end');
  });
});
