import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './request-log-csv';

describe('CSV fields', () => {
  it.each([
    [null, ''],
    [42, '42'],
    [0.5, '0.5'],
    [true, 'true'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('%j → %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('negative numbers stay numbers', () => {
    expect(csvField(-3)).toBe('-3');
  });

  it('a line ends with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});
