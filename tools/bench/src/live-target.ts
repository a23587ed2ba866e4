import { type Payload, requestFor } from './bench-routes';
import { type TargetRef } from './bench-results';
import { type RequestSpec } from './load-jobs';
import { type PinnedProcess } from './pinned-process';

/** A target the load can be pointed at: where it listens, the process to measure, and how to call it. */
export class LiveTarget {
  constructor(
    readonly ref: TargetRef,
    readonly origin: string,
    private readonly model: string,
    private readonly apiKey: string,
    /** The process whose CPU counts (for a direct target, the emulator itself). */
    readonly process?: PinnedProcess,
  ) {}

  /** Counts requests sent to the target's process (answered or not), for the usage-record check. */
  countSent(requests: number): void {
    if (this.process) this.process.requestsSent += requests;
  }

  request(payload: Payload): RequestSpec {
    return requestFor(this.ref.client, this.model, payload, this.apiKey);
  }
}
