import { type LimitKind } from './limit-rule';
import { type LimitVerdict, type RuleState } from './rate-limiter';

const HEADERS_BY_KIND = (['requests', 'tokens'] as const satisfies readonly LimitKind[]).map((kind) => ({
  kind,
  limit: `x-ratelimit-limit-${kind}`,
  remaining: `x-ratelimit-remaining-${kind}`,
  reset: `x-ratelimit-reset-${kind}`,
}));

/**
 * OpenAI's rate-limit headers for the request and token limits that apply, e.g. `x-ratelimit-limit-requests: 600`,
 * `x-ratelimit-remaining-tokens: 149984`, `x-ratelimit-reset-requests: 1s` (until the limit is full again).
 * When several limits of a kind apply (key, team, model), the one closest to refusing is shown: the refusing one,
 * else the one with the fewest remaining.
 * https://platform.openai.com/docs/guides/rate-limits#rate-limits-in-headers
 */
export function rateLimitHeaders(verdict: LimitVerdict): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const names of HEADERS_BY_KIND) {
    const state = bindingState(verdict, names.kind);
    if (!state) continue;
    headers[names.limit] = String(state.rule.limit);
    headers[names.remaining] = String(state.remaining);
    headers[names.reset] = formatReset(state.resetMs);
  }
  return headers;
}

function bindingState(verdict: LimitVerdict, kind: LimitKind): RuleState | undefined {
  const refusing = verdict.refusedBy?.rule;
  let binding: RuleState | undefined;
  for (const state of verdict.states) {
    if (state.rule.kind !== kind) continue;
    if (state.rule === refusing) return state;
    if (!binding || state.remaining < binding.remaining || (state.remaining === binding.remaining && state.rule.limit < binding.rule.limit)) {
      binding = state;
    }
  }
  return binding;
}

/** A duration as OpenAI writes it (Go's style): `20ms`, `1.5s`, `6m0s`. */
export function formatReset(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms - minutes * 60_000) / 10) / 100;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}
