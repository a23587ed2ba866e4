/**
 * Circuit breaker arithmetic, pure: states are plain objects (so a store can keep them anywhere) and time comes in.
 *
 * closed ──(N consecutive failures, or error rate ≥ R over the window with at least M requests)──▶ open
 * open ──(cool-down passed, first caller)──▶ half_open, admitting that one caller as the probe
 * half_open ──probe succeeds──▶ closed   half_open ──probe fails──▶ open (cool-down again)
 * A probe that never reports (its process died) frees its slot after `probeTimeoutMs`.
 */
export type BreakerStatus = 'closed' | 'open' | 'half_open';

export interface BreakerPolicy {
  /** Consecutive failures that open the circuit. */
  consecutiveFailures: number;
  /** Failures / requests over the window that open the circuit (0..1]. */
  errorRate: number;
  /** Requests the window must hold before the error rate counts. */
  minimumRequests: number;
  windowMs: number;
  cooldownMs: number;
  probeTimeoutMs: number;
}

export const DEFAULT_BREAKER_POLICY: BreakerPolicy = {
  consecutiveFailures: 5,
  errorRate: 0.5,
  minimumRequests: 20,
  windowMs: 60_000,
  cooldownMs: 30_000,
  probeTimeoutMs: 30_000,
};

export interface BreakerState {
  status: BreakerStatus;
  consecutiveFailures: number;
  /** When the circuit last opened (ms). */
  openedAt: number;
  /** Half-open: until when the probe slot is taken (0 = free). */
  probeUntil: number;
  /**
   * A sliding window approximated by two fixed windows: counts of the current one (started at `windowStart`)
   * and of the previous one, weighted by how much of it still overlaps the sliding window.
   */
  windowStart: number;
  requests: number;
  failures: number;
  previousRequests: number;
  previousFailures: number;
}

export type BreakerResult = 'success' | 'failure' | 'cancelled';

export const closedBreaker = (now: number): BreakerState => ({
  status: 'closed',
  consecutiveFailures: 0,
  openedAt: 0,
  probeUntil: 0,
  windowStart: now,
  requests: 0,
  failures: 0,
  previousRequests: 0,
  previousFailures: 0,
});

/** Whether an attempt may go to the target now, without claiming anything (for planning). */
export function breakerAllows(state: BreakerState, policy: BreakerPolicy, now: number): boolean {
  switch (state.status) {
    case 'closed':
      return true;
    case 'open':
      return now >= state.openedAt + policy.cooldownMs;
    case 'half_open':
      return state.probeUntil <= now;
    default: {
      const unreachable: never = state.status;
      throw new Error(`unknown breaker status ${String(unreachable)}`);
    }
  }
}

/** Claims an attempt: always granted while closed; after the cool-down, the first caller becomes the one probe. */
export function acquireBreaker(state: BreakerState, policy: BreakerPolicy, now: number): { granted: boolean; state: BreakerState } {
  if (state.status === 'closed') return { granted: true, state };
  if (!breakerAllows(state, policy, now)) return { granted: false, state };
  return { granted: true, state: { ...state, status: 'half_open', probeUntil: now + policy.probeTimeoutMs } };
}

function rollWindow(state: BreakerState, policy: BreakerPolicy, now: number): BreakerState {
  const elapsed = now - state.windowStart;
  if (elapsed < policy.windowMs) return state;
  const adjacent = elapsed < 2 * policy.windowMs;
  return {
    ...state,
    windowStart: state.windowStart + Math.floor(elapsed / policy.windowMs) * policy.windowMs,
    previousRequests: adjacent ? state.requests : 0,
    previousFailures: adjacent ? state.failures : 0,
    requests: 0,
    failures: 0,
  };
}

/** Requests and failures over the sliding window ending now. */
export function breakerWindow(state: BreakerState, policy: BreakerPolicy, now: number): { requests: number; failures: number } {
  const rolled = rollWindow(state, policy, now);
  const overlap = Math.max(0, 1 - (now - rolled.windowStart) / policy.windowMs);
  return {
    requests: rolled.requests + rolled.previousRequests * overlap,
    failures: rolled.failures + rolled.previousFailures * overlap,
  };
}

/** The state after an attempt on the target finished. */
export function recordBreaker(state: BreakerState, policy: BreakerPolicy, result: BreakerResult, now: number): BreakerState {
  if (result === 'cancelled') return state.status === 'half_open' ? { ...state, probeUntil: 0 } : state;
  const failed = result === 'failure';
  if (state.status === 'half_open') {
    return failed ? { ...state, status: 'open', openedAt: now, probeUntil: 0 } : closedBreaker(now);
  }
  const rolled = rollWindow(state, policy, now);
  const next: BreakerState = {
    ...rolled,
    requests: rolled.requests + 1,
    failures: rolled.failures + (failed ? 1 : 0),
    consecutiveFailures: failed ? rolled.consecutiveFailures + 1 : 0,
  };
  // Results of attempts that started before the circuit opened are counted, but cannot open it again.
  if (next.status === 'open' || !failed) return next;
  const window = breakerWindow(next, policy, now);
  const tooManyInARow = next.consecutiveFailures >= policy.consecutiveFailures;
  const errorRateTooHigh = window.requests >= policy.minimumRequests && window.failures / window.requests >= policy.errorRate;
  return tooManyInARow || errorRateTooHigh ? { ...next, status: 'open', openedAt: now, probeUntil: 0 } : next;
}
