import { type Redis } from 'ioredis';
import { type LimitRule } from './limit-rule';
import { ACQUIRE_LUA, SETTLE_LUA } from './rate-limit-lua';
import { type LimitCheck, type LimitSettlement, type LimitVerdict, type RateLimiter } from './rate-limiter';

interface LimitCommands {
  gatehouseLimitAcquire(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<number[]>;
  gatehouseLimitSettle(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<number>;
}

/**
 * Limits in Redis, shared by every gateway process: one script call per check (all the request's limits at once)
 * and one per settlement. Keys live under `gatehouse:rl:`. Time comes from the caller's clock, which replicas keep in
 * step (NTP); a few ms of skew only moves a refill by as much.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly client: Redis & LimitCommands;

  constructor(
    client: Redis,
    private readonly prefix = 'gatehouse:rl:',
  ) {
    // Run by SHA (EVALSHA), loaded on first use; the number of keys varies per call.
    client.defineCommand('gatehouseLimitAcquire', { lua: ACQUIRE_LUA });
    client.defineCommand('gatehouseLimitSettle', { lua: SETTLE_LUA });
    this.client = client as Redis & LimitCommands;
  }

  async acquire(check: LimitCheck): Promise<LimitVerdict> {
    const { rules } = check;
    if (rules.length === 0) return { allowed: true, states: [] };
    const reply = await this.client.gatehouseLimitAcquire(
      rules.length,
      ...this.keysOf(rules),
      check.now,
      check.lease,
      check.leaseMs,
      check.tokens,
      ...this.argumentsOf(rules),
    );
    const [allowed, refusedIndex, retryAfterMs] = reply;
    const states = rules.map((rule, index) => ({ rule, remaining: reply[3 + index * 2]!, resetMs: reply[4 + index * 2]! }));
    if (allowed === 1) return { allowed: true, states };
    return { allowed: false, refusedBy: { rule: rules[refusedIndex! - 1]!, retryAfterMs: retryAfterMs! }, states };
  }

  async settle(settlement: LimitSettlement): Promise<void> {
    const { rules } = settlement;
    if (rules.length === 0) return;
    await this.client.gatehouseLimitSettle(
      rules.length,
      ...this.keysOf(rules),
      settlement.now,
      settlement.lease,
      settlement.tokenDelta,
      ...this.argumentsOf(rules),
    );
  }

  private keysOf(rules: readonly LimitRule[]): string[] {
    return rules.map((rule) => `${this.prefix}${rule.id}`);
  }

  private argumentsOf(rules: readonly LimitRule[]): (string | number)[] {
    return rules.flatMap((rule) => [rule.kind, rule.limit, rule.periodMs]);
  }
}
