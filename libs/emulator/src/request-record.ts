import { type IncomingHttpHeaders } from 'node:http';

/** What the emulator saw of one request, and how its response ended. */
export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  /** As Node gives them: names lower-cased. */
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  body: unknown;
  rawBody: Buffer;
  receivedAt: number;
  /** The status sent, once headers went out. */
  status: number | undefined;
  /** The whole response was handed to the socket. */
  completed: boolean;
  /** The client closed the connection before the response finished. */
  aborted: boolean;
}

type Waiter = { check: () => boolean; resolve: () => void };

/** The request records, with promises that settle when they reach a state (tests wait on them instead of sleeping). */
export class RequestLog {
  readonly records: RequestRecord[] = [];
  private waiters: Waiter[] = [];

  add(record: RequestRecord): void {
    this.records.push(record);
    this.changed();
  }

  clear(): void {
    this.records.length = 0;
  }

  /** Re-checks the waiters; call after a record changes. */
  changed(): void {
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.check()) return true;
      waiter.resolve();
      return false;
    });
  }

  waitUntil(check: (records: RequestRecord[]) => boolean, timeoutMs: number, what: string): Promise<RequestRecord[]> {
    return new Promise((resolve, reject) => {
      if (check(this.records)) return resolve(this.records);
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((entry) => entry !== waiter);
        reject(new Error(`emulator: timed out after ${timeoutMs} ms waiting for ${what} (have ${this.records.length} requests)`));
      }, timeoutMs);
      const waiter: Waiter = {
        check: () => check(this.records),
        resolve: () => {
          clearTimeout(timer);
          resolve(this.records);
        },
      };
      this.waiters.push(waiter);
    });
  }
}
