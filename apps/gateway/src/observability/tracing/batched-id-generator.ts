import { randomFillSync } from 'node:crypto';
import { type IdGenerator } from '@opentelemetry/sdk-trace-base';

/** Random bytes drawn at a time: the ids of about 128 requests (a trace id and two span ids each). */
const BATCH_BYTES = 4096;
const INVALID_TRACE_ID = '0'.repeat(32);
const INVALID_SPAN_ID = '0'.repeat(16);

/**
 * Trace and span ids cut from a hex string of random bytes drawn a batch at a time. The SDK's RandomIdGenerator calls
 * Math.random() two to four times and Buffer#toString('hex') once per id, three ids per request; here an id is a
 * slice of the batch's string (no copy), and a new batch costs one randomFillSync and one hex conversion.
 */
export class BatchedIdGenerator implements IdGenerator {
  private readonly bytes = Buffer.allocUnsafe(BATCH_BYTES);
  private hex = '';
  private used = 0;

  constructor(private readonly fillRandom: (bytes: Buffer) => void = randomFillSync) {}

  generateTraceId(): string {
    return this.next(32, INVALID_TRACE_ID);
  }

  generateSpanId(): string {
    return this.next(16, INVALID_SPAN_ID);
  }

  private next(length: number, invalid: string): string {
    for (;;) {
      if (this.used + length > this.hex.length) {
        this.fillRandom(this.bytes);
        this.hex = this.bytes.toString('hex');
        this.used = 0;
      }
      const id = this.hex.slice(this.used, (this.used += length));
      // W3C trace context: an id of all zeros is invalid.
      if (id !== invalid) return id;
    }
  }
}
