/** The fields of a GatewayError (libs/translate) that decide what happens after a failed attempt. */
export interface AttemptFailure {
  code: string;
  status: number;
  retryable: boolean;
  upstreamStatus?: number;
  /** Seconds the upstream asked to wait. */
  retryAfter?: number;
}

/**
 * Why an attempt failed, as far as retrying and falling back care:
 * - connection: the upstream could not be reached, or broke off (no status)
 * - timeout: no answer in time, or 408
 * - 429: the upstream's rate limit
 * - 5xx: the upstream failed (529 overloaded included)
 * - credentials: the upstream refused the gateway's provider key (401/403): not the client's doing, so another
 *   provider may serve the request, but the same one will refuse again
 * - client: any other 4xx: the request itself is wrong and would fail anywhere
 * - aborted: the client went away
 * - internal: the gateway's own failure
 */
export type FailureClass = 'connection' | 'timeout' | '429' | '5xx' | 'credentials' | 'client' | 'aborted' | 'internal';

const CLIENT_CLOSED_REQUEST = 499;

function classOfStatus(status: number): FailureClass {
  if (status === 408) return 'timeout';
  if (status === 429) return '429';
  if (status >= 500) return '5xx';
  return 'client';
}

export function failureClass(error: AttemptFailure): FailureClass {
  const status = error.upstreamStatus;
  if (status !== undefined) {
    if ((status === 401 || status === 403) && error.code === 'upstream') return 'credentials';
    return classOfStatus(status);
  }
  if (error.code === 'timeout') return 'timeout';
  if (error.status === CLIENT_CLOSED_REQUEST) return 'aborted';
  if (!error.retryable) return 'internal';
  // Without an upstream status: a connection that failed or broke (the pool's errors are 502), or an error event
  // inside a stream, whose status comes from its type (overloaded_error is 529, rate_limit_error 429).
  if (error.code === 'upstream' && error.status === 502) return 'connection';
  return classOfStatus(error.status);
}

const FALLBACK_CLASSES: ReadonlySet<FailureClass> = new Set(['connection', 'timeout', '429', '5xx', 'credentials']);

/** Whether another target or fallback model may succeed: connection errors, timeouts, 408, 429, 5xx and 529; never another 4xx. */
export function isFallbackWorthy(error: AttemptFailure): boolean {
  return FALLBACK_CLASSES.has(failureClass(error));
}

/**
 * What a finished attempt means for its target's circuit breaker: the failures a fallback would route around count
 * against it; a client's mistake says nothing bad about the target; an abort says nothing at all.
 */
export function breakerOutcome(error: AttemptFailure | undefined): 'success' | 'failure' | 'cancelled' {
  if (!error) return 'success';
  const kind = failureClass(error);
  if (kind === 'aborted' || kind === 'internal') return 'cancelled';
  return FALLBACK_CLASSES.has(kind) ? 'failure' : 'success';
}
