/** setTimeout fires at once for delays it cannot hold (over about 24.8 days); such a deadline never comes. */
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * The overall deadline of one request (server.request_timeout): when it comes, `signal` aborts whatever attempt is
 * still waiting for its answer. Once the answer is on its way, `stop` leaves the stream to run: from then on only the
 * client, or the provider's own timeout, can cut it.
 */
export class RequestDeadline {
  /** Epoch milliseconds; Infinity without a deadline. */
  readonly at: number;
  private readonly controller = new AbortController();
  private readonly timer?: NodeJS.Timeout;

  constructor(timeoutMs: number, now = Date.now()) {
    this.at = now + timeoutMs;
    if (timeoutMs <= LONGEST_TIMER_MS) this.timer = setTimeout(() => this.controller.abort(), timeoutMs);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The clock attempts run by: once the timer has fired the deadline has passed, though a millisecond clock may still be a tick short. */
  readonly now = (): number => (this.controller.signal.aborted ? Math.max(Date.now(), this.at) : Date.now());

  stop(): void {
    clearTimeout(this.timer);
  }
}
