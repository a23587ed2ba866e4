import { describe, expect, it } from 'vitest';
import { rulesOf } from './limit-rule';
import { formatReset, rateLimitHeaders } from './rate-limit-headers';

describe('formatReset', () => {
  it.each([
    [0, '0ms'],
    [20.2, '21ms'],
    [999, '999ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [12_345, '12.35s'],
    [60_000, '1m0s'],
    [360_000, '6m0s'],
    [61_500, '1m1.5s'],
  ])('%f ms → %s', (ms, text) => {
    expect(formatReset(ms)).toBe(text);
  });
});

describe('rateLimitHeaders', () => {
  const [keyRpm, keyTpm] = rulesOf('key', 'a', 'a', { rpm: 600, tpm: 100_000 });
  const [teamRpm] = rulesOf('team', 't', 't', { rpm: 1_000 });
  const [concurrent] = rulesOf('model', 'm', 'm', { concurrent: 4 });

  it('shows the request and token limits closest to refusing, and nothing for concurrency', () => {
    const headers = rateLimitHeaders({
      allowed: true,
      states: [
        { rule: keyRpm!, remaining: 599, resetMs: 100 },
        { rule: keyTpm!, remaining: 99_000, resetMs: 600 },
        { rule: teamRpm!, remaining: 10, resetMs: 59_000 },
        { rule: concurrent!, remaining: 3, resetMs: 0 },
      ],
    });
    expect(headers).toEqual({
      'x-ratelimit-limit-requests': '1000',
      'x-ratelimit-remaining-requests': '10',
      'x-ratelimit-reset-requests': '59s',
      'x-ratelimit-limit-tokens': '100000',
      'x-ratelimit-remaining-tokens': '99000',
      'x-ratelimit-reset-tokens': '600ms',
    });
  });

  it('shows the refusing limit', () => {
    const headers = rateLimitHeaders({
      allowed: false,
      refusedBy: { rule: keyRpm!, retryAfterMs: 100 },
      states: [
        { rule: keyRpm!, remaining: 0, resetMs: 60_000 },
        { rule: teamRpm!, remaining: 0, resetMs: 60_000 },
      ],
    });
    expect(headers).toEqual({ 'x-ratelimit-limit-requests': '600', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1m0s' });
  });

  it('is empty without request or token limits', () => {
    expect(rateLimitHeaders({ allowed: true, states: [{ rule: concurrent!, remaining: 1, resetMs: 0 }] })).toEqual({});
  });
});
