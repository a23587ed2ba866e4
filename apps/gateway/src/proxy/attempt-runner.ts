import { type Attempt, failureClass, isFallbackWorthy, isRetryable, retryDelay } from '@gatehouse/routing';
import { GatewayError } from '@gatehouse/translate';
import { asGatewayError } from './error-reply';

/** What running attempts needs from the outside: breakers, the upstream call, observers, the clock. */
export interface AttemptHooks<T> {
  /** Whether the target may be tried now (its circuit is closed, or this is the half-open probe). */
  acquire(attempt: Attempt): Promise<boolean>;
  /** One upstream call; resolves only once its answer may be sent (a stream's first content). */
  send(attempt: Attempt): Promise<T>;
  succeeded(attempt: Attempt): void;
  failed(attempt: Attempt, error: GatewayError): void;
  /** Moving on from a failed model to one of its fallbacks. */
  fellBack(from: Attempt, to: Attempt, error: GatewayError): void;
  /** Whether the client has gone: then nothing more is tried. */
  clientGone(): boolean;
  sleep(ms: number): Promise<void>;
  now(): number;
  /**
   * Epoch milliseconds after which no attempt starts (server.request_timeout). An attempt still waiting then is
   * aborted by the caller; its abort is answered as the deadline (504), not as a client that left.
   */
  deadline: number;
  random(): number;
}

/**
 * Tries the planned targets in order until one answers: a failure that another target might not have (connection,
 * timeout, 408, 429, 5xx, 529) moves on, after the target's own retries with backoff; any other failure is the
 * client's and is returned at once. Targets with an open circuit are skipped. When all fail, throws the last failure;
 * after more than one attempt, as the gateway's own verdict (see failureAfterAttempts).
 */
export async function runAttempts<T>(attempts: readonly Attempt[], hooks: AttemptHooks<T>): Promise<{ answer: T; attempt: Attempt }> {
  let lastError: GatewayError | undefined;
  let lastTried: Attempt | undefined;
  let sent = 0;
  const stopIfDone = () => {
    if (hooks.clientGone()) throw lastError ?? new GatewayError('upstream', 'The client closed the connection', { status: 499 });
    if (hooks.now() >= hooks.deadline) throw deadlineError(lastError);
  };
  for (const attempt of attempts) {
    stopIfDone();
    if (!(await hooks.acquire(attempt))) continue;
    if (lastTried && lastError && attempt.model !== lastTried.model) hooks.fellBack(lastTried, attempt, lastError);
    lastTried = attempt;
    for (let retry = 0; ; retry++) {
      if (retry > 0) stopIfDone();
      try {
        sent++;
        const answer = await hooks.send(attempt);
        hooks.succeeded(attempt);
        return { answer, attempt };
      } catch (thrown) {
        const error = asGatewayError(thrown);
        lastError = error;
        hooks.failed(attempt, error);
        // Aborted while the client is still there: the deadline cut the attempt short.
        if (failureClass(error) === 'aborted' && !hooks.clientGone() && hooks.now() >= hooks.deadline) {
          throw deadlineError(error, attempt);
        }
        if (!isFallbackWorthy(error)) throw error;
        const wait = retry < attempt.retry.max && isRetryable(error, attempt.retry) ? retryDelay(retry + 1, attempt.retry, error.retryAfter, hooks.random()) : undefined;
        if (wait === undefined || hooks.now() + wait >= hooks.deadline) break;
        await hooks.sleep(wait);
      }
    }
  }
  if (lastError) throw sent > 1 ? failureAfterAttempts(lastError) : lastError;
  throw new GatewayError('overloaded', 'Every target of this model is unavailable right now (open circuits); try again shortly', { status: 503, retryAfter: 5 });
}

/**
 * What the client gets when several attempts (retries, fallbacks) all failed: the upstream's rate limit stays a 429
 * with its retry-after; any other failure is the gateway's verdict on its upstreams (CONTRACT.md): 503 when they were
 * overloaded, 504 when they timed out, else 502. One attempt alone is relayed as the upstream said it.
 */
function failureAfterAttempts(error: GatewayError): GatewayError {
  const kind = failureClass(error);
  if (kind !== '5xx' && kind !== 'timeout') return error;
  const overloaded = error.upstreamStatus === 503 || error.upstreamStatus === 529 || error.code === 'overloaded';
  const timedOut = kind === 'timeout' || error.code === 'timeout';
  const [code, status] = timedOut ? (['timeout', 504] as const) : overloaded ? (['overloaded', 503] as const) : (['upstream', 502] as const);
  if (error.status === status) return error;
  return new GatewayError(code, error.message, {
    status,
    retryable: error.retryable,
    retryAfter: error.retryAfter,
    param: error.param,
    upstreamType: error.upstreamType,
    upstreamStatus: error.upstreamStatus,
    upstream: error.upstream,
    cause: error,
  });
}

function deadlineError(lastError: GatewayError | undefined, cutShort?: Attempt): GatewayError {
  const detail = cutShort
    ? `; provider "${cutShort.target.provider}" had not answered by then`
    : lastError
      ? `; the last attempt failed: ${lastError.message}`
      : '';
  return new GatewayError('timeout', `The request ran past the gateway's deadline (server.request_timeout)${detail}`, { status: 504 });
}
