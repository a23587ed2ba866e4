import { Injectable } from '@nestjs/common';

/** Counters of the usage-record queue, for metrics and readiness: how many wait, were written, were dropped. */
@Injectable()
export class UsageQueueStats {
  queued = 0;
  written = 0;
  /** Records lost because the queue was full while the database could not take them. */
  dropped = 0;
  /** The last write failure, cleared by the next successful write. */
  lastError?: string;
}
