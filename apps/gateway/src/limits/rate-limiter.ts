import { type LimitRule } from './limit-rule';

export interface LimitCheck {
  rules: readonly LimitRule[];
  /** Estimated tokens of the request, taken from every token rule. */
  tokens: number;
  /** Identifies this request's concurrency slot until it is settled. */
  lease: string;
  /** A slot never released (its process died) frees itself after this long. */
  leaseMs: number;
  now: number;
}

export interface RuleState {
  rule: LimitRule;
  /** Units left (after this request when admitted). */
  remaining: number;
  /** Until the limit is back to full, in ms. */
  resetMs: number;
}

export interface LimitVerdict {
  allowed: boolean;
  /** When refused: the limit that refused (the one with the longest wait when several did) and the wait. */
  refusedBy?: { rule: LimitRule; retryAfterMs: number };
  states: RuleState[];
}

export interface LimitSettlement {
  /** The token and concurrency rules the request was admitted under. */
  rules: readonly LimitRule[];
  /** Actual − estimated tokens. */
  tokenDelta: number;
  lease: string;
  now: number;
}

/**
 * Requests per minute and tokens per minute by GCRA (libs/routing gcra.ts), concurrency by leases. A check is all
 * or nothing: when any rule refuses, no rule is charged. Implemented in memory and in Redis (one Lua script call per
 * check); both pass the same test suite.
 */
export interface RateLimiter {
  acquire(check: LimitCheck): Promise<LimitVerdict>;
  /** Settles tokens with the real usage and releases the concurrency slot. */
  settle(settlement: LimitSettlement): Promise<void>;
}

/** A concurrency refusal cannot know when a slot frees; a second is a fair guess for the client's retry. */
export const CONCURRENCY_RETRY_MS = 1_000;
