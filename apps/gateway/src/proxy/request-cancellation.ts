/** setTimeout fires at once for delays it cannot hold (over about 24.8 days); such a deadline never comes. */
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * What can cut one request short, as a single abort signal: the client leaving, or the overall deadline
 * (server.request_timeout) coming while an attempt still waits for its answer. Once the answer is on its way,
 * `stopDeadline` leaves the stream to run: from then on only the client, or the provider's own timeout, can cut it.
 * One controller per request on purpose: AbortSignal.any ties signals together through weak references, which keep
 * every request's state alive into the old generation and made garbage collection the largest cost under load.
 */
export class RequestCancellation {
  /** Epoch milliseconds; Infinity without a deadline. */
  readonly deadline: number;
  private readonly controller = new AbortController();
  private readonly timer?: NodeJS.Timeout;
  private expired = false;
  private left = false;

  constructor(timeoutMs: number, now = Date.now()) {
    this.deadline = now + timeoutMs;
    if (timeoutMs <= LONGEST_TIMER_MS) {
      this.timer = setTimeout(() => {
        this.expired = true;
        this.controller.abort();
      }, timeoutMs);
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get clientLeft(): boolean {
    return this.left;
  }

  clientGone(): void {
    this.left = true;
    this.stopDeadline();
    this.controller.abort();
  }

  /** The clock attempts run by: once the timer has fired the deadline has passed, though a millisecond clock may still be a tick short. */
  readonly now = (): number => (this.expired ? Math.max(Date.now(), this.deadline) : Date.now());

  stopDeadline(): void {
    clearTimeout(this.timer);
  }
}
