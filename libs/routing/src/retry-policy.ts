import { type AttemptFailure, failureClass } from './failure-class';

export type RetryCondition = 'connection' | 'timeout' | '429' | '5xx';

/** Retries of one target before moving on (the provider's `retries` in the config). */
export interface RetryPolicy {
  /** Extra attempts on the same target. */
  max: number;
  on: readonly RetryCondition[];
  /** The first backoff ceiling; each retry doubles it. */
  backoffMs: number;
  /** The most one backoff may grow to. Default 10 s. */
  maxBackoffMs?: number;
  /** The longest upstream retry-after worth waiting for; a longer one moves on to the next target. Default 10 s. */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { max: 1, on: ['connection'], backoffMs: 200 };

const DEFAULT_MAX_BACKOFF_MS = 10_000;
const DEFAULT_MAX_RETRY_AFTER_MS = 10_000;

/** Whether the policy retries this failure on the same target (its count aside). */
export function isRetryable(error: AttemptFailure, policy: RetryPolicy): boolean {
  const kind = failureClass(error);
  return (policy.on as readonly string[]).includes(kind);
}

/**
 * How long to wait before retry number `retry` (1 for the first): exponential growth with full jitter, a uniform
 * pick in [0, min(maxBackoff, backoff × 2^(retry-1))), so that clients failing together do not retry together.
 * An upstream `retry-after` (seconds) is a floor; when it is over the cap the answer is undefined: do not retry
 * this target, move on. `random` is in [0, 1).
 */
export function retryDelay(retry: number, policy: RetryPolicy, retryAfterSeconds: number | undefined, random: number): number | undefined {
  const ceiling = Math.min(policy.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS, policy.backoffMs * 2 ** Math.max(0, retry - 1));
  const jittered = Math.floor(random * ceiling);
  if (retryAfterSeconds === undefined) return jittered;
  const retryAfterMs = Math.ceil(retryAfterSeconds * 1000);
  if (retryAfterMs > (policy.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS)) return undefined;
  return Math.max(retryAfterMs, jittered);
}
