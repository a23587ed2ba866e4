import { describe, expect, it } from 'vitest';
import { splitText } from './text-chunks';

describe('splitText', () => {
  it('splits into words with the whitespace before each, losing nothing', () => {
    expect(splitText('  Hello big\nworld  ')).toEqual(['  Hello', ' big', '\nworld  ']);
  });

  it('splits into the requested number of near-equal parts, never more than the characters', () => {
    expect(splitText('abcdefg', 3)).toEqual(['ab', 'cd', 'efg']);
    expect(splitText('ab', 5)).toEqual(['a', 'b']);
  });

  it('never splits a surrogate pair', () => {
    const parts = splitText('😀😀😀', 3);
    expect(parts).toEqual(['😀', '😀', '😀']);
  });

  it('gives no parts for empty text and one part for whitespace only', () => {
    expect(splitText('')).toEqual([]);
    expect(splitText('   ')).toEqual(['   ']);
  });
});
