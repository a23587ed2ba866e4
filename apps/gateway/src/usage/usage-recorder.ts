import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PriceTable } from '../budgets/price-table';
import { RequestObservers } from '../observability/request-observers';
import { type RequestObserver, type RequestOutcome } from '../observability/request-outcome';
import { Database } from '../persistence/database';
import { type UsageRecordRow } from '../persistence/entities/usage-record.entity';
import { UsageQueueStats } from './usage-queue-stats';
import { usageRowOf } from './usage-row';
import { UsageRowInsert } from './usage-row-insert';

export interface UsageRecorderOptions {
  /** storage.usage_records: false records nothing. */
  enabled?: boolean;
  /** Write as soon as this many records wait. */
  batchSize: number;
  /** Write at least this often while records wait. */
  flushIntervalMs: number;
  /** At most this many records wait; beyond, the oldest are dropped (and counted). */
  maxQueued: number;
  /** After a failed write, wait this long before the next attempt. */
  retryAfterFailureMs: number;
}

export const USAGE_RECORDER_OPTIONS = Symbol('USAGE_RECORDER_OPTIONS');
export const defaultUsageRecorderOptions: UsageRecorderOptions = { batchSize: 200, flushIntervalMs: 1000, maxQueued: 50_000, retryAfterFailureMs: 2000 };

/**
 * Turns every finished request into a usage record, off the hot path: `requestCompleted` only queues the row;
 * rows are written in batches (every `batchSize` rows or `flushIntervalMs`), one write at a time. While the database
 * fails, rows wait and are retried; the queue is bounded, and what falls off is counted in UsageQueueStats.dropped.
 * Everything queued is written before the database closes at shutdown (after the server stopped taking requests).
 */
@Injectable()
export class UsageRecorder implements RequestObserver, OnModuleInit, OnApplicationShutdown {
  private queue: UsageRecordRow[] = [];
  private writing?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private retryNotBefore = 0;
  private readonly logger = new Logger('UsageRecorder');
  private readonly insert: UsageRowInsert;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(RequestObservers) private readonly observers: RequestObservers,
    @Inject(PriceTable) private readonly prices: PriceTable,
    @Inject(UsageQueueStats) private readonly stats: UsageQueueStats,
    @Inject(USAGE_RECORDER_OPTIONS) private readonly options: UsageRecorderOptions,
  ) {
    this.insert = new UsageRowInsert(database);
  }

  onModuleInit(): void {
    if (this.options.enabled === false) return;
    this.observers.register(this);
    this.database.beforeClose(() => this.close());
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  requestCompleted(outcome: RequestOutcome): void {
    // A request without a valid key used nothing and belongs to no key: the access log and the metrics count it.
    if (outcome.errorCode === 'authentication') return;
    this.enqueue(usageRowOf(outcome, this.prices.costOf(outcome)));
  }

  enqueue(row: UsageRecordRow): void {
    this.queue.push(row);
    this.trim();
    this.stats.queued = this.queue.length;
    if (this.queue.length >= this.options.batchSize && Date.now() >= this.retryNotBefore) this.startWrite();
    else this.timer ??= setTimeout(() => this.startWrite(), this.options.flushIntervalMs).unref();
  }

  /** Writes everything queued (for shutdown and tests); resolves when the queue is empty or a write failed. */
  async drain(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.queue.length > 0 || this.writing) {
      if (this.writing) {
        await this.writing;
        continue;
      }
      const before = this.stats.written;
      this.startWrite();
      await this.writing;
      if (this.stats.written === before) return;
    }
  }

  /** The last flush: what still cannot be written is lost with the process, and counted as dropped. */
  private async close(): Promise<void> {
    await this.drain();
    if (this.queue.length === 0) return;
    this.logger.error(`${this.queue.length} usage records could not be written before shutdown`);
    this.stats.dropped += this.queue.length;
    this.queue = [];
    this.stats.queued = 0;
  }

  private startWrite(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing || this.queue.length === 0) return;
    this.writing = this.writeBatch().finally(() => {
      this.writing = undefined;
      if (this.queue.length > 0) this.schedule();
    });
  }

  private schedule(): void {
    const due = Math.max(this.retryNotBefore - Date.now(), this.queue.length >= this.options.batchSize ? 0 : this.options.flushIntervalMs);
    this.timer ??= setTimeout(() => this.startWrite(), due).unref();
  }

  private async writeBatch(): Promise<void> {
    const batch = this.queue.splice(0, this.options.batchSize * 5);
    this.stats.queued = this.queue.length;
    try {
      await this.insert.insert(batch);
      this.stats.written += batch.length;
      if (this.stats.lastError) this.logger.log('usage records are written again');
      this.stats.lastError = undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!this.stats.lastError) this.logger.error(`cannot write usage records, keeping them queued: ${message}`);
      this.stats.lastError = message;
      this.retryNotBefore = Date.now() + this.options.retryAfterFailureMs;
      // Back at the front, in order; what no longer fits is dropped oldest first.
      this.queue = [...batch, ...this.queue];
      this.trim();
      this.stats.queued = this.queue.length;
    }
  }

  private trim(): void {
    const excess = this.queue.length - this.options.maxQueued;
    if (excess <= 0) return;
    this.queue.splice(0, excess);
    this.stats.dropped += excess;
  }
}
