import { describe, expect, it } from 'vitest';
import { type LongStrings, LONG_STRING_BYTES, outlineOf } from './request-outline';

/** The outline with every placeholder replaced by the text it stands for: must equal the body parsed whole. */
function filledIn(value: unknown, longStrings: LongStrings): unknown {
  if (Array.isArray(value)) return value.map((item) => filledIn(item, longStrings));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, filledIn(item, longStrings)]));
  }
  return longStrings.resolve(value);
}

// Text whose escapes and multi-byte characters fall on every offset, so some straddle the 16 KiB check pieces.
const awkward = (length: number, seed: number) => {
  const alphabet = ['a', 'é', '世', '😀', '"', '\\', '\n', '\t', '\u0001', '\u2028', ' ', 'z'];
  let text = '';
  for (let index = 0; text.length < length; index++) text += alphabet[(index * 7 + seed + Math.floor(index / 5)) % alphabet.length];
  return text;
};

describe('outlineOf', () => {
  it('replaces long string values by placeholders that give back the text, its length and whether it is a data: URL', () => {
    const image = `data:image/png;base64,${'iVBOR'.repeat(40_000)}`;
    const longText = awkward(50_000, 1);
    // Exactly LONG_STRING_BYTES as written: JSON-escaped, in UTF-8.
    const shortestLong = 'x'.repeat(LONG_STRING_BYTES);
    const body = {
      model: 'qwen',
      ['k'.repeat(LONG_STRING_BYTES + 10)]: 'a key this long stays as it is',
      messages: [
        { role: 'user', content: [{ type: 'text', text: longText }, { type: 'image_url', image_url: { url: image } }] },
        { role: 'assistant', content: 'short' },
        { role: 'user', content: shortestLong },
        { role: 'user', content: 'x'.repeat(LONG_STRING_BYTES - 1) },
      ],
      max_tokens: 64,
    };
    const raw = Buffer.from(JSON.stringify(body, null, 2));
    const outline = outlineOf(raw)!;
    expect(outline).toBeDefined();
    expect(filledIn(outline.json, outline.longStrings)).toEqual(body);
    const text = JSON.stringify(outline.json);
    expect(text.length).toBeLessThan(2_000);
    expect(text).toContain('a key this long stays as it is');

    const placeholders = collectPlaceholders(outline.json, outline.longStrings);
    const expected = [longText, image, shortestLong];
    expect(placeholders.map((index) => outline.longStrings.text(index))).toEqual(expected);
    expect(placeholders.map((index) => outline.longStrings.characters(index))).toEqual(expected.map((each) => Buffer.byteLength(JSON.stringify(each)) - 2));
    expect(placeholders.map((index) => outline.longStrings.isDataUrl(index))).toEqual([false, true, false]);
  });

  it('gives back strings whose escapes and multi-byte characters fall anywhere, and counts ASCII text by its characters', () => {
    for (let seed = 0; seed < 40; seed++) {
      const value = awkward(LONG_STRING_BYTES + seed * 97, seed);
      const outline = outlineOf(Buffer.from(JSON.stringify({ model: 'm', content: value })))!;
      const [index] = collectPlaceholders(outline.json, outline.longStrings);
      expect(outline.longStrings.text(index!)).toBe(value);
    }
    const ascii = 'plain words '.repeat(1_000);
    const outline = outlineOf(Buffer.from(JSON.stringify({ model: 'm', content: ascii })))!;
    expect(outline.longStrings.characters(0)).toBe(ascii.length);
  });

  it('has no outline when the structure is not valid JSON, or there is no long string, or mostly short ones', () => {
    const long = 'x'.repeat(LONG_STRING_BYTES * 4);
    expect(outlineOf(Buffer.from(JSON.stringify({ model: 'm', content: 'short' })))).toBeUndefined();
    const shortStrings = Array.from({ length: 5_000 }, (_, index) => `item ${index}`);
    expect(outlineOf(Buffer.from(JSON.stringify({ model: 'm', items: shortStrings, content: long })))).toBeUndefined();
    expect(outlineOf(Buffer.from(JSON.stringify({ model: 'm', content: long, items: shortStrings.slice(0, 1_000) })))).toBeDefined();
    expect(outlineOf(Buffer.from(`{"model":"m","content":"${long}`))).toBeUndefined();
    expect(outlineOf(Buffer.from(`{"model":"m","content":"${long}",}`))).toBeUndefined();
    expect(outlineOf(Buffer.from(`{"model":"m" "content":"${long}"}`))).toBeUndefined();
  });

  it('leaves the contents of long strings unread: one that is not valid JSON is a 400 only when its text is asked for', () => {
    // A raw control character, an unknown escape, a \u escape that is not hex.
    for (const bad of ['\u0001', '\\x41', '\\u00zz']) {
      const raw = Buffer.from(`{"model":"m","content":"${'x'.repeat(LONG_STRING_BYTES)}${bad}"}`);
      const outline = outlineOf(raw)!;
      expect(outline).toBeDefined();
      expect(() => outline.longStrings.text(0)).toThrow(expect.objectContaining({ code: 'invalid_request', status: 400 }) as Error);
    }
  });

  it('never takes a string the client sent for a placeholder', () => {
    const outline = outlineOf(Buffer.from(JSON.stringify({ model: 'm', a: 'y'.repeat(LONG_STRING_BYTES), b: '\u0000gatehouse-000000000000:0' })))!;
    const { b } = outline.json as { b: string };
    expect(outline.longStrings.indexOf(b)).toBe(-1);
    expect(outline.longStrings.resolve(b)).toBe('\u0000gatehouse-000000000000:0');
  });
});

/** The long-string indexes of an outline's placeholders, in document order. */
function collectPlaceholders(value: unknown, longStrings: LongStrings): number[] {
  const index = longStrings.indexOf(value);
  if (index >= 0) return [index];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap((item) => collectPlaceholders(item, longStrings));
}
