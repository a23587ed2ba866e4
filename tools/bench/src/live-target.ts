import { type Payload, requestFor } from './bench-routes';
import { type TargetRef } from './bench-results';
import { type RequestSpec } from './load-jobs';
import { type PinnedProcess } from './pinned-process';

/** A target the load can be pointed at: where it listens, the process to measure, and how to call it. */
export class LiveTarget {
  /** Answers this target gave over the run, warm-up included. */
  served = 0;

  constructor(
    readonly ref: TargetRef,
    readonly origin: string,
    private readonly model: string,
    private readonly apiKey: string,
    /** The process whose CPU and memory count; undefined for the emulator called directly. */
    readonly process?: PinnedProcess,
  ) {}

  request(payload: Payload): RequestSpec {
    return requestFor(this.ref.client, this.model, payload, this.apiKey);
  }
}
