import { GatewayError } from '../gateway-error';
import { asJsonObject } from './read-json';

/**
 * Tool arguments travel as JSON text on OpenAI's wire and as parsed values in the canonical model.
 * An upstream that wrote arguments which do not parse (a truncated or sloppy model) keeps them as `{ "_raw": text }`,
 * so that nothing is lost and an OpenAI client gets the same text back (see `toolArgumentsText`).
 */
const RAW_KEY = '_raw';

/** A client's arguments: text that does not parse is the client's mistake, a 400 naming the field. */
export function parseClientToolArguments(text: string, param: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GatewayError('invalid_request', `${param} is not valid JSON`, { param });
  }
}

/** An upstream's arguments: never fails, since the rest of the answer is still worth having. */
export function parseUpstreamToolArguments(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { [RAW_KEY]: text };
  }
}

/** Canonical arguments → OpenAI's JSON text; `{ "_raw": text }` gives back the text it kept. */
export function toolArgumentsText(value: unknown): string {
  const object = asJsonObject(value);
  if (object && Object.keys(object).length === 1 && typeof object[RAW_KEY] === 'string') return object[RAW_KEY];
  return JSON.stringify(value ?? {});
}
