import { randomBytes } from 'node:crypto';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const DATA_URL = Buffer.from('data:');

/** String values at least this long (in bytes, as written) are left out of a request's outline. */
export const LONG_STRING_BYTES = 256;
/** Long strings are checked in pieces of at most this many bytes, each small enough to stay out of V8's large-object space. */
const CHECK_PIECE_BYTES = 16 * 1024;

// Unguessable, so no string a client sends can pass for a placeholder.
const PLACEHOLDER_PREFIX = `\u0000gatehouse-${randomBytes(6).toString('hex')}:`;
const PLACEHOLDER_OPENING = Buffer.from(JSON.stringify(PLACEHOLDER_PREFIX).slice(0, -1));

/** A request body's JSON with its long string values out of the JS heap: each stands in the outline as a placeholder. */
export interface RequestOutline {
  json: unknown;
  longStrings: LongStrings;
}

/**
 * The long string values of a body, kept as byte ranges of it. What routing and the limits need of them (how many
 * characters, whether a data: URL) is known without making the string; `text` makes it when something reads it.
 */
export class LongStrings {
  constructor(
    private readonly body: Buffer,
    /** [start, end) of each string literal, quotes included. */
    private readonly literals: readonly (readonly [number, number])[],
    private readonly lengths: readonly number[],
  ) {}

  /** The index of the long string `value` stands for, or -1 when it is an ordinary string (or not one). */
  indexOf(value: unknown): number {
    if (typeof value !== 'string' || !value.startsWith(PLACEHOLDER_PREFIX)) return -1;
    const index = Number(value.slice(PLACEHOLDER_PREFIX.length));
    return Number.isInteger(index) && index < this.literals.length ? index : -1;
  }

  /** Its length in UTF-16 code units, as `string.length` would give. */
  characters(index: number): number {
    return this.lengths[index]!;
  }

  isDataUrl(index: number): boolean {
    const [start] = this.literals[index]!;
    return this.body.compare(DATA_URL, 0, DATA_URL.length, start + 1, start + 1 + DATA_URL.length) === 0;
  }

  text(index: number): string {
    const [start, end] = this.literals[index]!;
    return JSON.parse(this.body.toString('utf8', start, end)) as string;
  }

  /** `value`, or the text it stands for when it is a placeholder. */
  resolve(value: unknown): unknown {
    const index = this.indexOf(value);
    return index < 0 ? value : this.text(index);
  }
}

/**
 * The outline of a JSON body whose string values of LONG_STRING_BYTES or more are replaced by placeholders, parsed; or
 * undefined when the body is not valid JSON, or has no long string (parse it whole then). Each long string is still
 * checked as JSON (escapes, control characters) and measured, piece by piece, so a body that parses whole has an
 * outline and one that does not has none. Strings of 128 KiB and more would otherwise be made twice per request in
 * V8's large-object space (the body's text and the parsed value), each allocation mapping fresh pages; strings are
 * found with native searches, so this costs little more per byte than the number of strings in the body.
 */
export function outlineOf(body: Buffer): RequestOutline | undefined {
  const literals: [number, number][] = [];
  const lengths: number[] = [];
  const pieces: Buffer[] = [];
  let copiedUpTo = 0;
  let open = body.indexOf(QUOTE);
  while (open >= 0) {
    const close = closingQuote(body, open);
    if (close < 0) return undefined;
    if (close - open - 1 >= LONG_STRING_BYTES && !isKey(body, close + 1)) {
      const length = checkedLength(body, open + 1, close);
      if (length < 0) return undefined;
      pieces.push(body.subarray(copiedUpTo, open), PLACEHOLDER_OPENING, Buffer.from(`${literals.length}"`));
      literals.push([open, close + 1]);
      lengths.push(length);
      copiedUpTo = close + 1;
    }
    open = body.indexOf(QUOTE, close + 1);
  }
  if (literals.length === 0) return undefined;
  pieces.push(body.subarray(copiedUpTo));
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(pieces).toString('utf8'));
  } catch {
    return undefined;
  }
  return { json, longStrings: new LongStrings(body, literals, lengths) };
}

/** The index of the quote that closes the string literal opened at `open`, or -1 when it is never closed. */
function closingQuote(body: Buffer, open: number): number {
  let at = open;
  for (;;) {
    at = body.indexOf(QUOTE, at + 1);
    if (at < 0) return -1;
    let backslashes = 0;
    while (body[at - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

/** Whether the next byte after a string that is not JSON whitespace is a colon: the string was an object key. */
function isKey(body: Buffer, from: number): boolean {
  let at = from;
  while (body[at] === 0x20 || body[at] === 0x0a || body[at] === 0x0d || body[at] === 0x09) at++;
  return body[at] === COLON;
}

/**
 * The UTF-16 length of the string literal content body[start, end), checked as JSON by parsing it in pieces; -1 when
 * it is not valid. A piece never ends inside an escape sequence (it stops before a run of backslashes) nor inside a
 * UTF-8 sequence (it stops before a continuation byte), so the pieces' lengths add up to the string's.
 */
function checkedLength(body: Buffer, start: number, end: number): number {
  let length = 0;
  for (let from = start; from < end; ) {
    let to = Math.min(from + CHECK_PIECE_BYTES, end);
    if (to < end) {
      let backslash = to - 1;
      while (backslash > to - 7 && body[backslash] !== BACKSLASH) backslash--;
      if (backslash > to - 7 && backslash > from) {
        to = backslash;
        while (to > from + 1 && body[to - 1] === BACKSLASH) to--;
      }
      while (to > from + 1 && (body[to]! & 0xc0) === 0x80) to--;
    }
    try {
      length += (JSON.parse(`"${body.toString('utf8', from, to)}"`) as string).length;
    } catch {
      return -1;
    }
    from = to;
  }
  return length;
}
