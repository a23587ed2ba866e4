import { describe, expect, it } from 'vitest';
import { type AttemptFailure } from './failure-class';
import { isRetryable, type RetryPolicy, retryDelay } from './retry-policy';

const policy: RetryPolicy = { max: 3, on: ['connection', '429'], backoffMs: 100, maxBackoffMs: 1000, maxRetryAfterMs: 5000 };
const connection: AttemptFailure = { code: 'upstream', status: 502, retryable: true };
const rateLimited: AttemptFailure = { code: 'rate_limited', status: 429, retryable: true, upstreamStatus: 429 };
const serverError: AttemptFailure = { code: 'upstream', status: 500, retryable: true, upstreamStatus: 500 };
const badRequest: AttemptFailure = { code: 'invalid_request', status: 400, retryable: false, upstreamStatus: 400 };

describe('isRetryable', () => {
  it.each([
    [connection, true],
    [rateLimited, true],
    [serverError, false],
    [badRequest, false],
  ])('%o → %s', (error, retryable) => {
    expect(isRetryable(error, policy)).toBe(retryable);
  });

  it('never retries a client error, whatever the policy says', () => {
    expect(isRetryable(badRequest, { ...policy, on: ['connection', 'timeout', '429', '5xx'] })).toBe(false);
  });
});

describe('retryDelay', () => {
  it.each([
    // retry, random, expected: full jitter below a ceiling that doubles and is capped
    [1, 0, 0],
    [1, 0.5, 50],
    [1, 0.999, 99],
    [2, 0.5, 100],
    [3, 0.5, 200],
    [5, 0.999, 999],
    [10, 0.5, 500],
  ])('retry %i with random %f waits %i ms', (retry, random, expected) => {
    expect(retryDelay(retry, policy, undefined, random)).toBe(expected);
  });

  it('waits at least the upstream retry-after, and gives up on this target when it is over the cap', () => {
    expect(retryDelay(1, policy, 2, 0.5)).toBe(2000);
    expect(retryDelay(4, { ...policy, maxBackoffMs: 10_000 }, 0.1, 0.9)).toBe(720);
    expect(retryDelay(1, policy, 5, 0.5)).toBe(5000);
    expect(retryDelay(1, policy, 6, 0.5)).toBeUndefined();
  });

  it('has defaults for the caps', () => {
    expect(retryDelay(20, { max: 1, on: ['connection'], backoffMs: 200 }, undefined, 0.999)).toBe(9990);
    expect(retryDelay(1, { max: 1, on: ['connection'], backoffMs: 200 }, 11, 0)).toBeUndefined();
  });
});
