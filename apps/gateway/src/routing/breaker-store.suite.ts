import { type BreakerPolicy, type BreakerResult, closedBreaker } from '@gatehouse/routing';
import { expect, it } from 'vitest';
import { type BreakerStore } from './breaker-store';

export const SUITE_POLICY: BreakerPolicy = {
  consecutiveFailures: 3,
  errorRate: 0.5,
  minimumRequests: 10,
  windowMs: 10_000,
  cooldownMs: 5_000,
  probeTimeoutMs: 2_000,
};

const T0 = 1_700_000_000_000;

/**
 * The behaviour every BreakerStore must have, run against the in-memory and the Redis store alike.
 * `makeStore` gives a fresh store (fresh state) each time it is called; `makeTwin` another store on the same state
 * (for Redis: another connection), as a second gateway process would have.
 */
export function breakerStoreSuite(makeStore: () => BreakerStore, makeTwin?: (store: BreakerStore) => BreakerStore): void {
  const recordAll = async (store: BreakerStore, target: string, results: BreakerResult[], start = T0) => {
    let state = await store.read(target, start);
    for (const [index, result] of results.entries()) state = await store.record(target, result, start + index);
    return state;
  };

  it('starts closed and grants attempts', async () => {
    const store = makeStore();
    expect(await store.read('p/m', T0)).toEqual(closedBreaker(T0));
    expect((await store.acquire('p/m', T0)).granted).toBe(true);
  });

  it('opens after consecutive failures and refuses until the cool-down', async () => {
    const store = makeStore();
    const state = await recordAll(store, 'p/m', ['failure', 'failure', 'failure']);
    expect(state).toMatchObject({ status: 'open', openedAt: T0 + 2, consecutiveFailures: 3 });
    expect((await store.acquire('p/m', T0 + 1_000)).granted).toBe(false);
    expect((await store.read('other/m', T0)).status).toBe('closed');
  });

  it('opens on the error rate over the window', async () => {
    const store = makeStore();
    const results: BreakerResult[] = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 'success' : 'failure'));
    const state = await recordAll(store, 'p/m', results);
    expect(state).toMatchObject({ status: 'open', requests: 10, failures: 5 });
  });

  it('lets exactly one probe through after the cool-down, closes on its success', async () => {
    const store = makeStore();
    await recordAll(store, 'p/m', ['failure', 'failure', 'failure']);
    const later = T0 + 2 + SUITE_POLICY.cooldownMs;
    const grants = await Promise.all(Array.from({ length: 5 }, () => store.acquire('p/m', later)));
    expect(grants.filter((grant) => grant.granted)).toHaveLength(1);
    expect(grants[0]!.state).toMatchObject({ status: 'half_open', probeUntil: later + SUITE_POLICY.probeTimeoutMs });
    expect(await store.record('p/m', 'success', later + 10)).toEqual(closedBreaker(later + 10));
    expect((await store.acquire('p/m', later + 11)).granted).toBe(true);
  });

  it('reopens when the probe fails, and frees the probe slot on cancel or after its timeout', async () => {
    const store = makeStore();
    await recordAll(store, 'p/m', ['failure', 'failure', 'failure']);
    const later = T0 + 2 + SUITE_POLICY.cooldownMs;
    await store.acquire('p/m', later);
    await store.record('p/m', 'cancelled', later + 1);
    expect((await store.acquire('p/m', later + 2)).granted).toBe(true);
    expect((await store.acquire('p/m', later + 3)).granted).toBe(false);
    expect((await store.acquire('p/m', later + 2 + SUITE_POLICY.probeTimeoutMs)).granted).toBe(true);
    const reopened = await store.record('p/m', 'failure', later + 5_000);
    expect(reopened).toMatchObject({ status: 'open', openedAt: later + 5_000, probeUntil: 0 });
  });

  it('slides the window: old failures stop counting', async () => {
    const store = makeStore();
    await recordAll(store, 'p/m', ['success', 'failure', 'success', 'failure', 'success', 'failure', 'success', 'failure', 'success']);
    const state = await store.record('p/m', 'failure', T0 + 2.5 * SUITE_POLICY.windowMs);
    expect(state).toMatchObject({ status: 'closed', requests: 1, failures: 1, previousRequests: 0 });
  });

  if (makeTwin) {
    it('is one circuit for every process sharing the store', async () => {
      const store = makeStore();
      const twin = makeTwin(store);
      await store.record('p/m', 'failure', T0);
      await twin.record('p/m', 'failure', T0 + 1);
      await store.record('p/m', 'failure', T0 + 2);
      expect((await twin.acquire('p/m', T0 + 3)).granted).toBe(false);
      const later = T0 + 2 + SUITE_POLICY.cooldownMs;
      const [first, second] = await Promise.all([store.acquire('p/m', later), twin.acquire('p/m', later)]);
      expect([first.granted, second.granted].filter(Boolean)).toHaveLength(1);
    });
  }
}
