import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries `Bearer <token>`, compared in constant time: both sides are hashed first,
 * so neither the token's content nor its length shows in the timing.
 */
export function bearerTokenMatches(authorization: string | undefined, token: string): boolean {
  const sent = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : '';
  return timingSafeEqual(sha256(sent), sha256(token)) && sent.length > 0;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
