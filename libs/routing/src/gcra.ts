/**
 * Rate-limit arithmetic by GCRA (the generic cell rate algorithm): a token bucket kept as one number per limit,
 * the theoretical arrival time (TAT) at which the bucket would be full again. `limit` units per `periodMs` refill
 * evenly (one every periodMs / limit), and a full bucket holds the whole `limit`, so a burst of `limit` requests is
 * admitted at once. Time is in milliseconds and passed in. The Redis limiter's Lua script does the same sums.
 */
export interface RateLimitRule {
  limit: number;
  periodMs: number;
}

export interface GcraVerdict {
  allowed: boolean;
  /** The TAT to store: moved on when allowed, unchanged when refused. */
  tat: number;
  /** Units left after this request (before it, when refused). */
  remaining: number;
  /** Until the bucket is full again. */
  resetMs: number;
  /** When refused: how long until this request would fit. */
  retryAfterMs: number;
}

/**
 * Sums of intervals on millisecond timestamps drift by float rounding (about 0.0001 ms per step at today's
 * timestamps); comparing with this slack keeps a burst of exactly `limit` admitted without ever admitting one more.
 * A request may pass at most 1 ms early; the long-run rate does not change.
 */
const slackOf = (interval: number) => Math.min(interval / 2, 1);

/**
 * Takes `cost` units (1 for a request, the estimated tokens for a token limit). A cost larger than the whole
 * limit is charged as the whole limit, so that it passes once the bucket is full instead of never.
 */
export function gcraTake(storedTat: number | undefined, rule: RateLimitRule, cost: number, now: number): GcraVerdict {
  const interval = rule.periodMs / rule.limit;
  const base = Math.max(storedTat ?? now, now);
  const charged = Math.min(Math.max(cost, 0), rule.limit);
  const tat = base + charged * interval;
  const slack = slackOf(interval);
  if (tat - now <= rule.periodMs + slack) {
    return { allowed: true, tat, remaining: unitsLeft(tat, rule, now), resetMs: tat - now, retryAfterMs: 0 };
  }
  return {
    allowed: false,
    tat: base,
    remaining: unitsLeft(base, rule, now),
    resetMs: base - now,
    retryAfterMs: Math.max(0, tat - rule.periodMs - now),
  };
}

/** Units that fit now in a bucket at `tat`. */
export function unitsLeft(tat: number, rule: RateLimitRule, now: number): number {
  const interval = rule.periodMs / rule.limit;
  const free = rule.periodMs - Math.max(0, tat - now);
  return Math.max(0, Math.min(rule.limit, Math.floor((free + slackOf(interval)) / interval)));
}

/**
 * Corrects a token bucket once the real usage is known: `delta` (actual − estimated) more units, or fewer when
 * negative. A bucket may go into debt (TAT beyond now + period): later requests wait until it is paid off.
 * Returns undefined when the bucket is full again, so the stored TAT can be dropped.
 */
export function gcraAdjust(storedTat: number | undefined, rule: RateLimitRule, delta: number, now: number): number | undefined {
  const tat = Math.max(storedTat ?? now, now) + delta * (rule.periodMs / rule.limit);
  return tat > now ? tat : undefined;
}
