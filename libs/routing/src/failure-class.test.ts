import { describe, expect, it } from 'vitest';
import { type AttemptFailure, breakerOutcome, failureClass, isFallbackWorthy } from './failure-class';

// Shapes as libs/providers makes them: upstream-pool.ts (connection, timeout, abort) and upstream-status-error.ts.
const connection: AttemptFailure = { code: 'upstream', status: 502, retryable: true };
const timeout: AttemptFailure = { code: 'timeout', status: 504, retryable: true };
const aborted: AttemptFailure = { code: 'upstream', status: 499, retryable: false };
const upstreamStatus = (status: number, code: string, retryable = status === 408 || status === 429 || status >= 500): AttemptFailure => ({
  code,
  status,
  retryable,
  upstreamStatus: status,
});

describe('failureClass and isFallbackWorthy', () => {
  it.each<[string, AttemptFailure, string, boolean]>([
    ['connection error', connection, 'connection', true],
    ['timeout', timeout, 'timeout', true],
    ['408', upstreamStatus(408, 'timeout'), 'timeout', true],
    ['429', upstreamStatus(429, 'rate_limited'), '429', true],
    ['500', upstreamStatus(500, 'upstream'), '5xx', true],
    ['502', upstreamStatus(502, 'upstream'), '5xx', true],
    ['503', upstreamStatus(503, 'overloaded'), '5xx', true],
    ['504', upstreamStatus(504, 'timeout'), '5xx', true],
    ['529', upstreamStatus(529, 'overloaded'), '5xx', true],
    ['400', upstreamStatus(400, 'invalid_request'), 'client', false],
    ['404', upstreamStatus(404, 'not_found'), 'client', false],
    ['413', upstreamStatus(413, 'request_too_large'), 'client', false],
    ['422', upstreamStatus(422, 'invalid_request'), 'client', false],
    ['provider key refused (401 made a 502)', { code: 'upstream', status: 502, retryable: true, upstreamStatus: 401 }, 'credentials', true],
    ['overloaded_error event inside a stream', { code: 'overloaded', status: 529, retryable: true }, '5xx', true],
    ['rate_limit_error event inside a stream', { code: 'rate_limited', status: 429, retryable: true }, '429', true],
    ['stream that broke off', { code: 'upstream', status: 502, retryable: true }, 'connection', true],
    ['client went away', aborted, 'aborted', false],
    ['gateway failure', { code: 'upstream', status: 500, retryable: false }, 'internal', false],
    ['bad request found by the gateway', { code: 'invalid_request', status: 400, retryable: false }, 'internal', false],
  ])('%s', (_name, error, kind, fallback) => {
    expect(failureClass(error)).toBe(kind);
    expect(isFallbackWorthy(error)).toBe(fallback);
  });
});

describe('breakerOutcome', () => {
  it.each<[string, AttemptFailure | undefined, string]>([
    ['success', undefined, 'success'],
    ['5xx counts against the target', upstreamStatus(500, 'upstream'), 'failure'],
    ['connection error counts against the target', connection, 'failure'],
    ['a client mistake means the target answered', upstreamStatus(400, 'invalid_request'), 'success'],
    ['an abort says nothing', aborted, 'cancelled'],
  ])('%s', (_name, error, outcome) => {
    expect(breakerOutcome(error)).toBe(outcome);
  });
});
