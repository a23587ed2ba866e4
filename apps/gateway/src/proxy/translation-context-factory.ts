import { randomBytes } from 'node:crypto';
import { type TranslationContext } from '@gatehouse/translate';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Ids shaped like the providers' own: `chatcmpl-…` as OpenAI writes it, `msg_…`, `toolu_…`, `call_…`, `resp_…`. */
function newId(prefix: string): string {
  const bytes = randomBytes(24);
  let id = prefix === 'chatcmpl' ? 'chatcmpl-' : `${prefix}_`;
  for (const byte of bytes) id += ALPHABET[byte % 62];
  return id;
}

/** The outside world a translation may see: the clock, id-making, and the model name the client used. */
export function translationContextFor(requestModel: string): TranslationContext {
  return { now: Date.now, newId, requestModel };
}
