import { type AnthropicCacheControl } from '@gatehouse/wire';
import { type CacheControl } from '../canonical/canonical-request';

// https://docs.claude.com/en/docs/build-with-claude/prompt-caching

/** Anthropic → canonical; only `ephemeral` exists today, anything else is reported by the caller as dropped. */
export function cacheControlFromAnthropic(value: AnthropicCacheControl | null | undefined): CacheControl | undefined | 'unknown' {
  if (value === null || value === undefined) return undefined;
  if (value.type !== 'ephemeral') return 'unknown';
  return typeof value.ttl === 'string' ? { type: 'ephemeral', ttl: value.ttl } : { type: 'ephemeral' };
}

/** Canonical → the `cache_control` field, or nothing. */
export function anthropicCacheControl(value: CacheControl | undefined): { cache_control?: CacheControl } {
  if (!value) return {};
  return { cache_control: value.ttl === undefined ? { type: 'ephemeral' } : { type: 'ephemeral', ttl: value.ttl } };
}
