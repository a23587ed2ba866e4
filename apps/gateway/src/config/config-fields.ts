import { z } from 'zod';
import { closestName } from './closest-name';
import { parseByteSize } from './parse-byte-size';
import { parseDuration } from './parse-duration';

// Field types shared by the sections of the config schema. Values may arrive as strings from `${VAR}` expansion
// (`port: ${PORT:-8080}` gives "8080"), so numbers and booleans also accept their string spelling.

const NUMERIC_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function numberFromString(value: unknown): unknown {
  return typeof value === 'string' && NUMERIC_STRING.test(value.trim()) ? Number(value) : value;
}

function booleanFromString(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lowered = value.trim().toLowerCase();
  return lowered === 'true' ? true : lowered === 'false' ? false : value;
}

/** A strict object: a key the shape does not know is an error that names it and suggests the likely spelling. */
export function strictSection<Shape extends z.ZodRawShape>(shape: Shape, noun = 'key') {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys, known, noun) : undefined),
  });
}

/**
 * With one unknown key, validate-config moves the key into the issue path (`server.prot: unknown key …`),
 * so the message does not repeat it; several keys are listed in the message instead.
 */
function unknownKeysMessage(keys: readonly string[], known: readonly string[], noun: string): string {
  const hint = (key: string) => {
    const suggestion = closestName(key, known);
    return suggestion ? ` (did you mean "${suggestion}"?)` : '';
  };
  if (keys.length === 1) {
    const key = keys[0]!;
    return `unknown ${noun}${hint(key) || ` (expected one of: ${known.join(', ')})`}`;
  }
  return `unknown ${noun}s ${keys.map((key) => `"${key}"${hint(key)}`).join(', ')}`;
}

export const nonEmptyString = z.string().min(1, 'must not be empty');

/** A whole number in [min, max]. */
export function integerField(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.preprocess(numberFromString, z.number().int().min(min).max(max));
}

/** A non-negative number (prices, priorities may be fractional). */
export const nonNegativeNumber = z.preprocess(numberFromString, z.number().nonnegative());

export const anyNumber = z.preprocess(numberFromString, z.number());

export const positiveNumber = z.preprocess(numberFromString, z.number().positive());

export const fractionField = z.preprocess(numberFromString, z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'));

export const booleanField = z.preprocess(booleanFromString, z.boolean());

/** A duration (`300s`, `1.5s`, `250ms`, `5m`, `24h`, or milliseconds) as milliseconds. */
export const durationField = z.unknown().transform((value, context) => {
  const milliseconds = parseDuration(value);
  if (milliseconds !== undefined) return milliseconds;
  context.addIssue({
    code: 'custom',
    message: `invalid duration ${JSON.stringify(value)}: use milliseconds or a number with ms, s, m, h or d, like 300s`,
  });
  return z.NEVER;
});

/** A size (`32mb`, `512kb`, `1gb`, or bytes) as bytes. */
export const byteSizeField = z.unknown().transform((value, context) => {
  const bytes = parseByteSize(value);
  if (bytes !== undefined) return bytes;
  context.addIssue({
    code: 'custom',
    message: `invalid size ${JSON.stringify(value)}: use bytes or a number with b, kb, mb or gb, like 32mb`,
  });
  return z.NEVER;
});

/** An http(s) URL, without trailing slashes so that paths can be appended. */
export const httpUrlField = z.string().transform((value, context) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    context.addIssue({ code: 'custom', message: 'must be a URL, like https://api.example.com/v1' });
    return z.NEVER;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    context.addIssue({ code: 'custom', message: `must be an http:// or https:// URL, not ${url.protocol}//` });
    return z.NEVER;
  }
  return value.replace(/\/+$/, '');
});

/** The source of a JavaScript regular expression that must compile. */
export const regexSourceField = z.string().superRefine((source, context) => {
  try {
    new RegExp(source);
  } catch (error) {
    context.addIssue({ code: 'custom', message: `invalid regular expression: ${(error as Error).message}` });
  }
});

const HEADER_NAME_MESSAGE = 'must be an HTTP header name (letters, digits, -)';

export const headerNameField = z.string().regex(HEADER_NAME, HEADER_NAME_MESSAGE);

/** Header name → value; a bad name is reported at its own path (zod's record key errors do not say why). */
export const headerRecordField = z.record(z.string(), z.string()).superRefine((headers, context) => {
  for (const name of Object.keys(headers)) {
    if (!HEADER_NAME.test(name)) context.addIssue({ code: 'custom', path: [name], message: HEADER_NAME_MESSAGE });
  }
});

/** A name, or a list of names: always a list once parsed. */
export const nameListField = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(nonEmptyString).min(1, 'must name at least one'),
);
