import { type Principal } from '../auth/principal';

/**
 * Who a stored response belongs to: the key's team (every key of a team sees its responses), else the key itself,
 * or '' when auth is open. Prefixed, so that a team and a key id can never be taken for one another.
 */
export function responsesOwnerOf(principal: Principal | undefined): string {
  if (!principal) return '';
  return principal.team ? `team:${principal.team}` : `key:${principal.keyId}`;
}
