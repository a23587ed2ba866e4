import { randomBytes } from 'node:crypto';
import { GatewayError } from '@gatehouse/translate';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const DATA_URL = Buffer.from('data:');

/**
 * String values at least this long (in bytes, as written) are left out of a request's outline: leaving one out costs
 * about what parsing a few hundred bytes does.
 */
export const LONG_STRING_BYTES = 512;
/**
 * The scan gives up (and the body is parsed whole) once it has passed more strings than this plus one per 8 bytes of
 * long strings found: a body of mostly short strings parses faster whole than string by string.
 */
const STRING_ALLOWANCE = 2048;
const LONG_BYTES_PER_STRING = 8;

// Unguessable, so no string a client sends can pass for a placeholder.
const PLACEHOLDER_PREFIX = `\u0000gatehouse-${randomBytes(6).toString('hex')}:`;
const PLACEHOLDER_OPENING = Buffer.from(JSON.stringify(PLACEHOLDER_PREFIX).slice(0, -1));

/** A request body's JSON with its long string values out of the JS heap: each stands in the outline as a placeholder. */
export interface RequestOutline {
  json: unknown;
  longStrings: LongStrings;
}

/**
 * The long string values of a body, kept as byte ranges of it. What routing and the limits need of them (about how
 * many characters, whether a data: URL) is known without making the string; `text` makes it when something reads it.
 */
export class LongStrings {
  constructor(
    private readonly body: Buffer,
    /** [start, end) of each string literal, quotes included. */
    private readonly literals: readonly (readonly [number, number])[],
  ) {}

  /** The index of the long string `value` stands for, or -1 when it is an ordinary string (or not one). */
  indexOf(value: unknown): number {
    if (typeof value !== 'string' || !value.startsWith(PLACEHOLDER_PREFIX)) return -1;
    const index = Number(value.slice(PLACEHOLDER_PREFIX.length));
    return Number.isInteger(index) && index < this.literals.length ? index : -1;
  }

  /**
   * Its length as written: the characters of ASCII text, a little more with escapes, up to three times more for other
   * scripts (whose characters are each nearer a token, so a token estimate from it errs less).
   */
  characters(index: number): number {
    const [start, end] = this.literals[index]!;
    return end - start - 2;
  }

  isDataUrl(index: number): boolean {
    const [start] = this.literals[index]!;
    return this.body.compare(DATA_URL, 0, DATA_URL.length, start + 1, start + 1 + DATA_URL.length) === 0;
  }

  /** The text; a 400 when the string is not valid JSON (its contents were not read before). */
  text(index: number): string {
    const [start, end] = this.literals[index]!;
    try {
      return JSON.parse(this.body.toString('utf8', start, end)) as string;
    } catch (error) {
      throw new GatewayError('invalid_request', `The request body is not valid JSON: ${(error as Error).message}`);
    }
  }

  /** `value`, or the text it stands for when it is a placeholder. */
  resolve(value: unknown): unknown {
    const index = this.indexOf(value);
    return index < 0 ? value : this.text(index);
  }
}

/**
 * The outline of a JSON body whose string values of LONG_STRING_BYTES or more are replaced by placeholders, parsed; or
 * undefined when the outline is not valid JSON, or the body has no long string, or mostly short ones (parse it whole
 * then). Strings are found with native searches, and the contents of long ones are not read: a pass-through leaves
 * them to the upstream, which judges them as it would the client's own request. So a request of a megabyte of text
 * costs about what one of a kilobyte does, and no string of 128 KiB or more is made twice per request in V8's
 * large-object space (the body's text and the parsed value), each allocation mapping fresh pages.
 */
export function outlineOf(body: Buffer): RequestOutline | undefined {
  const literals: [number, number][] = [];
  const pieces: Buffer[] = [];
  let copiedUpTo = 0;
  let strings = 0;
  let longBytes = 0;
  let open = body.indexOf(QUOTE);
  while (open >= 0) {
    if (++strings > STRING_ALLOWANCE + longBytes / LONG_BYTES_PER_STRING) return undefined;
    const close = closingQuote(body, open);
    if (close < 0) return undefined;
    if (close - open - 1 >= LONG_STRING_BYTES && !isKey(body, close + 1)) {
      pieces.push(body.subarray(copiedUpTo, open), PLACEHOLDER_OPENING, Buffer.from(`${literals.length}"`));
      literals.push([open, close + 1]);
      longBytes += close - open - 1;
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
  return { json, longStrings: new LongStrings(body, literals) };
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
