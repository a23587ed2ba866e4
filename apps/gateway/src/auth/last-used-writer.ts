import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../persistence/database';
import { ApiKeyEntity } from '../persistence/entities/api-key.entity';

const FLUSH_EVERY_MS = 5000;

/**
 * Records when database keys were last used, off the hot path: a request only marks its key in a set; every few
 * seconds one UPDATE stamps the marked keys (to the minute's precision that matters, within FLUSH_EVERY_MS).
 */
@Injectable()
export class LastUsedWriter implements OnModuleInit {
  private marked = new Set<string>();
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('LastUsedWriter');

  constructor(@Inject(Database) private readonly database: Database) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
    this.database.beforeClose(async () => {
      clearInterval(this.timer);
      await this.flush();
    });
  }

  touch(keyId: string): void {
    this.marked.add(keyId);
  }

  async flush(now = Date.now()): Promise<void> {
    if (this.marked.size === 0) return;
    const ids = [...this.marked];
    this.marked = new Set();
    try {
      await this.database.dataSource.getRepository(ApiKeyEntity).update({ id: In(ids) }, { last_used_at: now });
    } catch (error) {
      // Not worth retrying forever: the next use marks the key again.
      this.logger.warn(`could not record when ${ids.length} keys were last used: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
