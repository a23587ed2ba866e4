import { gcraAdjust, gcraTake, unitsLeft } from '@gatehouse/routing';
import { type LimitRule } from './limit-rule';
import { CONCURRENCY_RETRY_MS, type LimitCheck, type LimitSettlement, type LimitVerdict, type RateLimiter, type RuleState } from './rate-limiter';

// Full buckets are dropped; this many entries trigger a sweep of the ones that filled up while idle.
const SWEEP_AT = 10_000;

/** Limits kept in this process (no Redis configured): the same arithmetic as the Redis script. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly tats = new Map<string, number>();
  private readonly leases = new Map<string, Map<string, number>>();

  async acquire(check: LimitCheck): Promise<LimitVerdict> {
    const { now } = check;
    if (this.tats.size > SWEEP_AT) this.sweep(now);
    const taken: { rule: LimitRule; tat?: number; held?: Map<string, number>; state: RuleState; before: RuleState }[] = [];
    let refusedBy: LimitVerdict['refusedBy'];
    for (const rule of check.rules) {
      if (rule.kind === 'concurrent') {
        const held = this.liveLeases(rule.id, rule.limit, now);
        const allowed = held.size < rule.limit;
        const before = { rule, remaining: Math.max(0, rule.limit - held.size), resetMs: 0 };
        if (!allowed && (!refusedBy || refusedBy.retryAfterMs < CONCURRENCY_RETRY_MS)) refusedBy = { rule, retryAfterMs: CONCURRENCY_RETRY_MS };
        taken.push({ rule, held, state: { rule, remaining: Math.max(0, rule.limit - held.size - 1), resetMs: 0 }, before });
        continue;
      }
      const cost = rule.kind === 'requests' ? 1 : check.tokens;
      const stored = this.tats.get(rule.id);
      const verdict = gcraTake(stored, rule, cost, now);
      const base = Math.max(stored ?? now, now);
      const before = { rule, remaining: unitsLeft(base, rule, now), resetMs: Math.ceil(base - now) };
      if (!verdict.allowed) {
        const retryAfterMs = Math.ceil(verdict.retryAfterMs);
        if (!refusedBy || refusedBy.retryAfterMs < retryAfterMs) refusedBy = { rule, retryAfterMs };
      }
      taken.push({ rule, tat: verdict.tat, state: { rule, remaining: verdict.remaining, resetMs: Math.ceil(verdict.resetMs) }, before });
    }
    if (refusedBy) return { allowed: false, refusedBy, states: taken.map((entry) => entry.before) };
    for (const entry of taken) {
      if (entry.held) entry.held.set(check.lease, now + check.leaseMs);
      else this.tats.set(entry.rule.id, entry.tat!);
    }
    return { allowed: true, states: taken.map((entry) => entry.state) };
  }

  async settle(settlement: LimitSettlement): Promise<void> {
    for (const rule of settlement.rules) {
      if (rule.kind === 'concurrent') {
        const held = this.leases.get(rule.id);
        held?.delete(settlement.lease);
        if (held?.size === 0) this.leases.delete(rule.id);
      } else if (rule.kind === 'tokens' && settlement.tokenDelta !== 0) {
        const tat = gcraAdjust(this.tats.get(rule.id), rule, settlement.tokenDelta, settlement.now);
        if (tat === undefined) this.tats.delete(rule.id);
        else this.tats.set(rule.id, tat);
      }
    }
  }

  private liveLeases(id: string, limit: number, now: number): Map<string, number> {
    let held = this.leases.get(id);
    if (!held) {
      held = new Map();
      this.leases.set(id, held);
    }
    // Leases are kept in the order they were taken, which is the order they expire in while the lease length stays
    // the same, so the sweep stops at the first live one: O(1) per request, not O(requests in flight).
    for (const [lease, expires] of held) {
      if (expires > now) break;
      held.delete(lease);
    }
    // Before a refusal, all of them: leases taken under different lengths (a config change) expire out of order.
    if (held.size >= limit) for (const [lease, expires] of held) if (expires <= now) held.delete(lease);
    return held;
  }

  private sweep(now: number): void {
    for (const [id, tat] of this.tats) if (tat <= now) this.tats.delete(id);
  }
}
