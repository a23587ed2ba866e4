import { createHash, randomBytes } from 'node:crypto';

export const KEY_SECRET_PREFIX = 'gk_live_';
/** `gk_live_` and the first 4 characters of the random part: enough to tell keys apart, useless to guess one. */
const VISIBLE_LENGTH = KEY_SECRET_PREFIX.length + 4;

export interface NewKeySecret {
  secret: string;
  hash: string;
  prefix: string;
}

/** Hex sha256 of a presented key: keys are stored and looked up by this, never by the secret itself. */
export function hashKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new key: 192 random bits, base64url (`gk_live_` + 32 characters). */
export function generateKeySecret(): NewKeySecret {
  const secret = `${KEY_SECRET_PREFIX}${randomBytes(24).toString('base64url')}`;
  return { secret, hash: hashKeySecret(secret), prefix: secret.slice(0, VISIBLE_LENGTH) };
}
