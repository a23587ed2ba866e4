import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type DatabaseKind, dataSourceOptionsFor, databaseKindOf } from './database-options';

// Any constant: it names the lock that keeps two gateways starting together from running migrations at once.
const MIGRATION_LOCK_ID = 4_711_020_301;
const PING_TIMEOUT_MS = 2000;

/**
 * The process's one TypeORM data source. `Database.open` connects and migrates before anything else starts.
 * On shutdown, whatever registered with `beforeClose` (usage records, last-used times) is flushed first.
 */
export class Database implements OnApplicationShutdown {
  private readonly drains: (() => Promise<void>)[] = [];
  private closing?: Promise<void>;
  private readonly logger = new Logger('Database');

  private constructor(
    readonly dataSource: DataSource,
    readonly kind: DatabaseKind,
  ) {}

  static async open(url: string): Promise<Database> {
    const dataSource = new DataSource(dataSourceOptionsFor(url));
    await dataSource.initialize();
    const database = new Database(dataSource, databaseKindOf(url));
    try {
      await database.migrate();
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
    return database;
  }

  private async migrate(): Promise<void> {
    if (this.kind !== 'postgres') {
      await this.dataSource.runMigrations({ transaction: 'each' });
      return;
    }
    const lock = this.dataSource.createQueryRunner();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      await this.dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
      await lock.release();
    }
  }

  /** For readiness: a trivial query answered within a short time. */
  async ping(): Promise<{ ok: boolean; detail?: string }> {
    if (!this.dataSource.isInitialized) return { ok: false, detail: 'closed' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Registers work that must reach the database before it closes (flushing queued writes, stopping pollers). */
  beforeClose(drain: () => Promise<void>): void {
    this.drains.push(drain);
  }

  close(): Promise<void> {
    this.closing ??= this.drainAndDestroy();
    return this.closing;
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private async drainAndDestroy(): Promise<void> {
    for (const drain of this.drains) {
      await drain().catch((error: unknown) => this.logger.error(`flushing before close failed: ${String(error)}`));
    }
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
