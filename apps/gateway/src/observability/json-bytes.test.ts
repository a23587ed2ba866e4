import { describe, expect, it } from 'vitest';
import { BufferPool } from './buffer-pool';
import { JsonBytes } from './json-bytes';

const textOf = (bytes: JsonBytes) => Buffer.concat(bytes.take()).toString('utf8');

describe('JsonBytes', () => {
  it('writes numbers as JSON.stringify does, digit by digit where they are whole and not negative', () => {
    const numbers = [0, 7, 10, 99, 1_000_000_007, 2 ** 31 - 1, 2 ** 31, 1_763_800_000, 2 ** 53 - 1, 2 ** 60, -3, 0.25, 1e21, Number.NaN, Number.POSITIVE_INFINITY];
    const bytes = new JsonBytes(16);
    for (const [index, value] of numbers.entries()) {
      if (index > 0) bytes.byte(0x2c);
      bytes.number(value);
    }
    expect(`[${textOf(bytes)}]`).toBe(JSON.stringify(numbers));
  });

  it('pads digits with zeros to the width asked for', () => {
    const bytes = new JsonBytes();
    for (const [value, width] of [[0, 9], [42, 9], [999_999_999, 9], [5, 1], [2 ** 31 + 5, 12]] as const) {
      bytes.digits(value, width);
      bytes.byte(0x20);
    }
    expect(textOf(bytes)).toBe('000000000 000000042 999999999 5 002147483653 ');
  });

  it('writes strings escaped as JSON.stringify does, and pieces short and long across buffers', () => {
    const strings = ['plain', 'quote " and \\ backslash', 'tab\tline\n\u0001', 'ünïcødé ✓ 🚀', 'x'.repeat(100)];
    const piece = Buffer.from('{"a piece longer than the short copy":');
    const bytes = new JsonBytes(64);
    for (const value of strings) {
      bytes.bytes(piece);
      bytes.string(value);
      bytes.bytes(Buffer.from('}'));
    }
    expect(textOf(bytes)).toBe(strings.map((value) => `{"a piece longer than the short copy":${JSON.stringify(value)}}`).join(''));
  });

  it('takes its buffers from a pool and gives them back when recycled', () => {
    const pool = new BufferPool(32, 2);
    const first = new JsonBytes(32, pool);
    first.ascii('a'.repeat(20));
    first.ascii('b'.repeat(20));
    const taken = first.take();
    expect(Buffer.concat(taken).toString()).toBe('a'.repeat(20) + 'b'.repeat(20));
    first.recycle();
    const second = new JsonBytes(32, pool);
    second.ascii('c'.repeat(20));
    // A recycled buffer is written again: nothing may read what the first one took any more.
    expect(taken.map(String)).toContain('c'.repeat(20));
  });
});
