import { write, writeSync } from 'node:fs';
import { BufferPool } from '../buffer-pool';
import { JsonBytes } from '../json-bytes';

export interface BatchedFdWriterOptions {
  /** Write once this many bytes wait. */
  flushBytes: number;
  /** The longest a line waits when traffic is light. */
  flushEveryMs: number;
  /** Beyond this many waiting bytes (the reader of the fd stopped reading), new lines are dropped and counted. */
  maxWaitingBytes: number;
}

const RETRY_BUSY_MS = 10;
/** Room past the flush threshold in each buffer, so that the line which crosses it still fits. */
const CHUNK_SLACK_BYTES = 16 * 1024;
/** Buffers kept for reuse: the batch being filled and the one being written. */
const BUFFERS_KEPT = 2;

/**
 * A pino destination that gathers lines and writes them to a file descriptor in one asynchronous write per batch.
 * Writing each line on its own cost more CPU than proxying the request it describes. Each line is encoded into a
 * buffer outside the JS heap as it comes, so the strings die at once instead of waiting for the batch through young
 * collections, which copied them. Partial writes continue where they stopped; a full pipe (EAGAIN, stdout is
 * non-blocking once Node has touched it) is retried shortly after.
 */
export class BatchedFdWriter {
  private waiting: JsonBytes;
  /** The batch whose bytes are being written; its buffers go back to the pool when the write is done. */
  private written?: JsonBytes;
  private readonly pool: BufferPool;
  private writing = false;
  private timer?: NodeJS.Timeout;
  private whenIdle?: () => void;
  /** Lines not written because the fd did not take them; the first failure is kept for whoever asks. */
  dropped = 0;
  lastError?: Error;

  constructor(
    private readonly fd: number,
    private readonly options: BatchedFdWriterOptions,
  ) {
    this.pool = new BufferPool(options.flushBytes + CHUNK_SLACK_BYTES, BUFFERS_KEPT);
    this.waiting = this.newBatch();
  }

  write(line: string): void {
    if (this.waiting.byteLength + line.length > this.options.maxWaitingBytes) {
      this.dropped++;
      return;
    }
    this.waiting.text(line);
    if (this.waiting.byteLength >= this.options.flushBytes) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.flushEveryMs).unref();
  }

  /** Writes everything waiting, after the write in flight (for shutdown). */
  async end(): Promise<void> {
    if (this.writing) await new Promise<void>((resolve) => (this.whenIdle = resolve));
    this.flushSync();
  }

  /** Writes everything waiting before returning; only when no write is in flight, or lines may go out of order. */
  flushSync(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    let data = this.take();
    while (data.length > 0) {
      try {
        data = data.subarray(writeSync(this.fd, data));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        this.failed(error as Error);
        break;
      }
    }
    this.recycleWritten();
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing || this.waiting.empty) return;
    this.writing = true;
    this.send(this.take());
  }

  /** Batches are sized so that the line which crosses the flush threshold still fits in the same buffer. */
  private newBatch(): JsonBytes {
    return new JsonBytes(this.pool.size, this.pool);
  }

  /** Everything waiting, as one buffer; the next line starts a new batch (this one is being written). */
  private take(): Buffer {
    this.written = this.waiting;
    const parts = this.waiting.take();
    this.waiting = this.newBatch();
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  private recycleWritten(): void {
    this.written?.recycle();
    this.written = undefined;
  }

  private send(data: Buffer): void {
    write(this.fd, data, 0, data.length, null, (error, written) => {
      if (error) {
        if (error.code === 'EAGAIN') {
          setTimeout(() => this.send(data), RETRY_BUSY_MS).unref();
          return;
        }
        this.failed(error);
      } else if (written < data.length) {
        this.send(data.subarray(written));
        return;
      }
      this.recycleWritten();
      this.writing = false;
      if (this.whenIdle) {
        this.whenIdle();
        this.whenIdle = undefined;
        return;
      }
      if (this.waiting.byteLength >= this.options.flushBytes) this.flush();
      else if (!this.waiting.empty) this.timer ??= setTimeout(() => this.flush(), this.options.flushEveryMs).unref();
    });
  }

  private failed(error: Error): void {
    this.lastError ??= error;
    this.dropped++;
  }
}
