import { describe, expect, it } from 'vitest';
import {
  acquireBreaker,
  type BreakerPolicy,
  type BreakerResult,
  type BreakerState,
  breakerAllows,
  breakerWindow,
  closedBreaker,
  recordBreaker,
} from './circuit-breaker';

const policy: BreakerPolicy = {
  consecutiveFailures: 3,
  errorRate: 0.5,
  minimumRequests: 10,
  windowMs: 10_000,
  cooldownMs: 5_000,
  probeTimeoutMs: 2_000,
};

function replay(results: BreakerResult[], start = 0, step = 10): BreakerState {
  return results.reduce((state, result, index) => recordBreaker(state, policy, result, start + index * step), closedBreaker(start));
}

describe('circuit breaker', () => {
  it('opens after N consecutive failures; a success in between resets the count', () => {
    expect(replay(['failure', 'failure']).status).toBe('closed');
    expect(replay(['failure', 'failure', 'success', 'failure', 'failure']).status).toBe('closed');
    const open = replay(['failure', 'failure', 'failure'], 1000);
    expect(open.status).toBe('open');
    expect(open.openedAt).toBe(1020);
  });

  it('opens on the error rate over the window once it holds the minimum of requests', () => {
    const alternating: BreakerResult[] = Array.from({ length: 9 }, (_, i) => (i % 2 === 0 ? 'failure' : 'success'));
    expect(replay(alternating).status).toBe('closed');
    expect(replay([...alternating, 'success']).status).toBe('closed');
    expect(replay([...alternating, 'success', 'failure']).status).toBe('open');
  });

  it('forgets failures that slid out of the window', () => {
    const old = replay(['success', ...Array.from({ length: 10 }, (_, i): BreakerResult => (i % 2 === 0 ? 'success' : 'failure'))], 0, 1);
    expect(old.status).toBe('closed');
    // 25 s later both fixed windows have passed: nothing counts any more.
    expect(breakerWindow(old, policy, 25_000)).toEqual({ requests: 0, failures: 0 });
    // Half a window on, half of the previous window still counts.
    expect(breakerWindow(old, policy, 15_000).requests).toBeCloseTo(5.5);
    expect(recordBreaker(old, policy, 'failure', 25_000).status).toBe('closed');
  });

  it('refuses while open, then admits one probe after the cool-down', () => {
    const open = replay(['failure', 'failure', 'failure']);
    expect(breakerAllows(open, policy, 4_999)).toBe(false);
    expect(acquireBreaker(open, policy, 4_999).granted).toBe(false);
    expect(breakerAllows(open, policy, 5_020)).toBe(true);
    const probe = acquireBreaker(open, policy, 5_020);
    expect(probe).toEqual({ granted: true, state: { ...open, status: 'half_open', probeUntil: 7_020 } });
    expect(acquireBreaker(probe.state, policy, 5_021).granted).toBe(false);
    expect(breakerAllows(probe.state, policy, 5_021)).toBe(false);
  });

  it('closes when the probe succeeds and reopens for another cool-down when it fails', () => {
    const probing = acquireBreaker(replay(['failure', 'failure', 'failure']), policy, 6_000).state;
    expect(recordBreaker(probing, policy, 'success', 6_100)).toEqual(closedBreaker(6_100));
    const reopened = recordBreaker(probing, policy, 'failure', 6_100);
    expect(reopened).toMatchObject({ status: 'open', openedAt: 6_100, probeUntil: 0 });
    expect(breakerAllows(reopened, policy, 11_000)).toBe(false);
    expect(breakerAllows(reopened, policy, 11_100)).toBe(true);
  });

  it('frees the probe slot when the probe is cancelled or never reports', () => {
    const probing = acquireBreaker(replay(['failure', 'failure', 'failure']), policy, 6_000).state;
    expect(acquireBreaker(recordBreaker(probing, policy, 'cancelled', 6_100), policy, 6_101).granted).toBe(true);
    expect(acquireBreaker(probing, policy, 7_999).granted).toBe(false);
    expect(acquireBreaker(probing, policy, 8_000).granted).toBe(true);
  });

  it('counts late results while open without restarting the cool-down', () => {
    const open = replay(['failure', 'failure', 'failure']);
    const late = recordBreaker(open, policy, 'failure', 3_000);
    expect(late.openedAt).toBe(open.openedAt);
    expect(late.failures).toBe(4);
  });
});
