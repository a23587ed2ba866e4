import { write, writeSync } from 'node:fs';

export interface BatchedFdWriterOptions {
  /** Write once this many characters wait. */
  flushChars: number;
  /** The longest a line waits when traffic is light. */
  flushEveryMs: number;
  /** Beyond this many waiting characters (the reader of the fd stopped reading), new lines are dropped and counted. */
  maxWaitingChars: number;
}

const RETRY_BUSY_MS = 10;

/**
 * A pino destination that gathers lines and writes them to a file descriptor in one asynchronous write per batch.
 * Writing each line on its own cost more CPU than proxying the request it describes. Partial writes continue where
 * they stopped; a full pipe (EAGAIN, stdout is non-blocking once Node has touched it) is retried shortly after.
 */
export class BatchedFdWriter {
  private lines: string[] = [];
  private waitingChars = 0;
  private writing = false;
  private timer?: NodeJS.Timeout;
  private whenIdle?: () => void;
  /** Lines not written because the fd did not take them; the first failure is kept for whoever asks. */
  dropped = 0;
  lastError?: Error;

  constructor(
    private readonly fd: number,
    private readonly options: BatchedFdWriterOptions,
  ) {}

  write(line: string): void {
    if (this.waitingChars + line.length > this.options.maxWaitingChars) {
      this.dropped++;
      return;
    }
    this.lines.push(line);
    this.waitingChars += line.length;
    if (this.waitingChars >= this.options.flushChars) this.flush();
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
        return;
      }
    }
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing || this.lines.length === 0) return;
    this.writing = true;
    this.send(this.take());
  }

  private take(): Buffer {
    const data = Buffer.from(this.lines.length === 1 ? this.lines[0]! : this.lines.join(''));
    this.lines = [];
    this.waitingChars = 0;
    return data;
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
      this.writing = false;
      if (this.whenIdle) {
        this.whenIdle();
        this.whenIdle = undefined;
        return;
      }
      if (this.waitingChars >= this.options.flushChars) this.flush();
      else if (this.lines.length > 0) this.timer ??= setTimeout(() => this.flush(), this.options.flushEveryMs).unref();
    });
  }

  private failed(error: Error): void {
    this.lastError ??= error;
    this.dropped++;
  }
}
