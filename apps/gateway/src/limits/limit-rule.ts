/** What a limit counts: requests per period, tokens per period, or requests in flight at once. */
export type LimitKind = 'requests' | 'tokens' | 'concurrent';

/** One limit on one subject (a key, a team, a model). */
export interface LimitRule {
  /** Unique per subject and kind, e.g. `key:config:team-a:rpm`; the storage key under the limiter's prefix. */
  id: string;
  kind: LimitKind;
  limit: number;
  /** The window for requests and tokens (a minute); unused for concurrent. */
  periodMs: number;
  /** The subject in words, for messages: `key "team-a"`. */
  subject: string;
}

export const MINUTE_MS = 60_000;

export interface SubjectLimits {
  rpm?: number;
  tpm?: number;
  concurrent?: number;
}

/** The rules of one subject's `{ rpm, tpm, concurrent }` (each optional). */
export function rulesOf(scope: 'key' | 'team' | 'model', name: string, id: string, limits: SubjectLimits | undefined): LimitRule[] {
  if (!limits) return [];
  const subject = `${scope} "${name}"`;
  const rules: LimitRule[] = [];
  if (limits.rpm) rules.push({ id: `${scope}:${id}:rpm`, kind: 'requests', limit: limits.rpm, periodMs: MINUTE_MS, subject });
  if (limits.tpm) rules.push({ id: `${scope}:${id}:tpm`, kind: 'tokens', limit: limits.tpm, periodMs: MINUTE_MS, subject });
  if (limits.concurrent) rules.push({ id: `${scope}:${id}:concurrent`, kind: 'concurrent', limit: limits.concurrent, periodMs: 0, subject });
  return rules;
}

/** How a refusal names the limit: `key "team-a" allows 600 requests per minute`. */
export function describeRule(rule: LimitRule): string {
  switch (rule.kind) {
    case 'requests':
      return `${rule.subject} allows ${rule.limit} requests per minute`;
    case 'tokens':
      return `${rule.subject} allows ${rule.limit} tokens per minute`;
    case 'concurrent':
      return `${rule.subject} allows ${rule.limit} concurrent requests`;
    default: {
      const unreachable: never = rule.kind;
      throw new Error(`unknown limit kind ${String(unreachable)}`);
    }
  }
}
