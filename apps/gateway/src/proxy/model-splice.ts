const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
const MODEL_KEY = Buffer.from('model');

/** Index of the quote that closes the string opened at `start`. */
function closingQuote(body: Buffer, start: number): number {
  let at = start;
  for (;;) {
    at = body.indexOf(QUOTE, at + 1);
    if (at < 0) return body.length;
    let backslashes = 0;
    while (body[at - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

/**
 * Where the string value of the top-level `"model"` key sits in a JSON object's bytes, as [start, end) including quotes.
 * Strings are skipped with native searches, so a large body costs little more than its structural characters.
 */
export function findTopLevelModel(body: Buffer): [number, number] | undefined {
  let depth = 0;
  let expectingKey = false;
  let keyIsModel = false;
  for (let at = 0; at < body.length; at++) {
    const byte = body[at];
    if (byte === QUOTE) {
      const end = closingQuote(body, at);
      if (depth === 1) {
        if (expectingKey) {
          keyIsModel = end - at - 1 === MODEL_KEY.length && body.compare(MODEL_KEY, 0, MODEL_KEY.length, at + 1, end) === 0;
        } else if (keyIsModel) {
          return [at, end + 1];
        }
      }
      at = end;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++;
      expectingKey = depth === 1 && byte === OPEN_BRACE;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    } else if (depth === 1 && byte === COMMA) {
      expectingKey = true;
      keyIsModel = false;
    } else if (depth === 1 && byte === COLON) {
      expectingKey = false;
    }
  }
  return undefined;
}

/**
 * The request body with the top-level model replaced and every other byte as the client sent it,
 * so a pass-through neither re-serialises the body nor changes anything but the model.
 */
export function spliceModel(body: Buffer, clientModel: string, upstreamModel: string): Buffer {
  if (clientModel === upstreamModel) return body;
  const span = findTopLevelModel(body);
  if (!span) throw new Error('the body has no top-level string "model"');
  return Buffer.concat([body.subarray(0, span[0]), Buffer.from(JSON.stringify(upstreamModel)), body.subarray(span[1])]);
}
