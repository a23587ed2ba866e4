import { type ApiKey } from '@gatehouse/contracts';

export type KeyStatus = 'active' | 'revoked' | 'expired';

export function keyStatusOf(key: ApiKey, now = Date.now()): KeyStatus {
  if (key.revoked_at) return 'revoked';
  if (key.expires_at && Date.parse(key.expires_at) <= now) return 'expired';
  return 'active';
}
