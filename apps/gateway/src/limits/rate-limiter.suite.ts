import { expect, it } from 'vitest';
import { type LimitRule, rulesOf } from './limit-rule';
import { type LimitCheck, type RateLimiter } from './rate-limiter';

const T0 = 1_700_000_000_000;
let leaseCount = 0;

export function check(rules: readonly LimitRule[], overrides: Partial<LimitCheck> = {}): LimitCheck {
  return { rules, tokens: 0, lease: `lease-${leaseCount++}`, leaseMs: 60_000, now: T0, ...overrides };
}

/**
 * The behaviour every RateLimiter must have, run against the in-memory and the Redis limiter alike.
 * `makeLimiter` gives a limiter with fresh state each call; `makeTwin` another limiter on the same state
 * (for Redis: another connection, as a second gateway process would have).
 */
export function rateLimiterSuite(makeLimiter: () => RateLimiter, makeTwin?: (limiter: RateLimiter) => RateLimiter): void {
  const rpm = (limit: number, name = 'k') => rulesOf('key', name, name, { rpm: limit });
  const tpm = (limit: number, name = 'k') => rulesOf('key', name, name, { tpm: limit });
  const concurrent = (limit: number, name = 'k') => rulesOf('key', name, name, { concurrent: limit });

  it('admits exactly rpm requests at one instant, then refuses with the wait until one fits', async () => {
    const limiter = makeLimiter();
    const verdicts = [];
    for (let i = 0; i < 7; i++) verdicts.push(await limiter.acquire(check(rpm(5))));
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(verdicts[0]!.states[0]).toMatchObject({ remaining: 4, resetMs: 12_000 });
    expect(verdicts[4]!.states[0]).toMatchObject({ remaining: 0, resetMs: 60_000 });
    expect(verdicts[5]).toMatchObject({ allowed: false, refusedBy: { rule: { kind: 'requests', limit: 5 }, retryAfterMs: 12_000 } });
    expect(verdicts[5]!.states[0]).toMatchObject({ remaining: 0, resetMs: 60_000 });
    expect((await limiter.acquire(check(rpm(5), { now: T0 + 11_000 }))).allowed).toBe(false);
    expect((await limiter.acquire(check(rpm(5), { now: T0 + 12_000 }))).allowed).toBe(true);
  });

  it('admits no more than the limit under 50 concurrent checks', async () => {
    const limiter = makeLimiter();
    const verdicts = await Promise.all(Array.from({ length: 50 }, () => limiter.acquire(check(rpm(20)))));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(20);
  });

  it('charges estimated tokens, and settles them with the real usage', async () => {
    const limiter = makeLimiter();
    const first = await limiter.acquire(check(tpm(1_000), { tokens: 600 }));
    expect(first.states[0]).toMatchObject({ remaining: 400 });
    expect((await limiter.acquire(check(tpm(1_000), { tokens: 500 }))).refusedBy).toMatchObject({ retryAfterMs: 6_000 });
    // The first request used 300 tokens in all, not 600.
    await limiter.settle({ rules: tpm(1_000), tokenDelta: -300, lease: 'x', now: T0 });
    expect((await limiter.acquire(check(tpm(1_000), { tokens: 500 }))).states[0]).toMatchObject({ remaining: 200 });
    // Another used 900 more than estimated: the bucket is in debt, even a zero-token request waits.
    await limiter.settle({ rules: tpm(1_000), tokenDelta: 900, lease: 'x', now: T0 });
    expect((await limiter.acquire(check(tpm(1_000), { tokens: 0 }))).allowed).toBe(false);
    expect((await limiter.acquire(check(tpm(1_000), { tokens: 1, now: T0 + 41_000 }))).allowed).toBe(false);
    expect((await limiter.acquire(check(tpm(1_000), { tokens: 1, now: T0 + 43_000 }))).allowed).toBe(true);
  });

  it('lets a request larger than the whole tpm limit through once the bucket is full', async () => {
    const limiter = makeLimiter();
    expect((await limiter.acquire(check(tpm(100), { tokens: 5_000 }))).states[0]).toMatchObject({ remaining: 0 });
    expect((await limiter.acquire(check(tpm(100), { tokens: 5_000 }))).allowed).toBe(false);
  });

  it('holds concurrency slots until settled, and frees a slot whose lease expired', async () => {
    const limiter = makeLimiter();
    const rules = concurrent(2);
    const a = check(rules);
    const b = check(rules, { leaseMs: 1_000 });
    expect((await limiter.acquire(a)).states[0]).toMatchObject({ remaining: 1 });
    expect((await limiter.acquire(b)).allowed).toBe(true);
    expect(await limiter.acquire(check(rules))).toMatchObject({ allowed: false, refusedBy: { retryAfterMs: 1_000 } });
    await limiter.settle({ rules, tokenDelta: 0, lease: a.lease, now: T0 + 10 });
    expect((await limiter.acquire(check(rules, { now: T0 + 10 }))).allowed).toBe(true);
    expect((await limiter.acquire(check(rules, { now: T0 + 20 }))).allowed).toBe(false);
    // b never settled (its process died): its lease ran out.
    expect((await limiter.acquire(check(rules, { now: T0 + 1_001 }))).allowed).toBe(true);
  });

  it('frees an expired slot even while a longer lease taken before it is still live', async () => {
    const limiter = makeLimiter();
    const rules = concurrent(2);
    expect((await limiter.acquire(check(rules, { leaseMs: 60_000 }))).allowed).toBe(true);
    expect((await limiter.acquire(check(rules, { leaseMs: 1_000 }))).allowed).toBe(true);
    expect((await limiter.acquire(check(rules, { now: T0 + 500 }))).allowed).toBe(false);
    // The second lease ran out (never settled) although the first, taken under a longer length, has not.
    expect((await limiter.acquire(check(rules, { now: T0 + 1_001 }))).allowed).toBe(true);
  });

  it('checks several limits at once, all or nothing, naming the one with the longest wait', async () => {
    const limiter = makeLimiter();
    const key = rulesOf('key', 'team-a', 'a', { rpm: 10, tpm: 1_000 });
    const team = rulesOf('team', 'research', 'research', { rpm: 2 });
    const model = rulesOf('model', 'qwen', 'qwen', { concurrent: 5 });
    const rules = [...key, ...team, ...model];
    expect((await limiter.acquire(check(rules, { tokens: 100 }))).allowed).toBe(true);
    expect((await limiter.acquire(check(rules, { tokens: 100 }))).allowed).toBe(true);
    const refused = await limiter.acquire(check(rules, { tokens: 100 }));
    expect(refused.refusedBy).toMatchObject({ rule: { id: 'team:research:rpm' }, retryAfterMs: 30_000 });
    expect(refused.states.map((state) => [state.rule.id, state.remaining])).toEqual([
      ['key:a:rpm', 8],
      ['key:a:tpm', 800],
      ['team:research:rpm', 0],
      ['model:qwen:concurrent', 3],
    ]);
    // Nothing was charged for the refused request: the key still has 8 requests and 800 tokens.
    const keyOnly = await limiter.acquire(check(key, { tokens: 100 }));
    expect(keyOnly.states.map((state) => state.remaining)).toEqual([7, 700]);
  });

  it('keeps subjects apart', async () => {
    const limiter = makeLimiter();
    expect((await limiter.acquire(check(rpm(1, 'one')))).allowed).toBe(true);
    expect((await limiter.acquire(check(rpm(1, 'two')))).allowed).toBe(true);
    expect((await limiter.acquire(check(rpm(1, 'one')))).allowed).toBe(false);
  });

  it('admits everything with no rules', async () => {
    expect(await makeLimiter().acquire(check([]))).toEqual({ allowed: true, states: [] });
  });

  if (makeTwin) {
    it('is one global limit for two processes sharing the store, under 50 concurrent checks', async () => {
      const limiter = makeLimiter();
      const twin = makeTwin(limiter);
      const rules = [...rulesOf('key', 'shared', 'shared', { rpm: 30 }), ...rulesOf('key', 'shared', 'shared', { concurrent: 1_000 })];
      const verdicts = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? limiter : twin).acquire(check(rules, { now: T0 + i }))));
      expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(30);
    });
  }
}

