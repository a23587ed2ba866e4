import { randomBytes } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id shaped like the providers' own: `chatcmpl-…`, `msg_01…`, `toolu_01…`, `call_…`, `resp_…` (hex). */
export function randomId(prefix: string, length: number, alphabet: 'base62' | 'hex' = 'base62'): string {
  if (alphabet === 'hex') return prefix + randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += BASE62[byte % BASE62.length];
  return id;
}
