import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { Database } from './database';
import { RevisionEntity, type RevisionTopic } from './entities/revision.entity';

/** How often each process looks for changes made by others: a revoked key stops working everywhere within this. */
export const CHANGE_POLL_MS = 250;

type Reload = () => Promise<void>;

/**
 * Keeps in-memory caches (keys, teams, model overrides) in step with the database, across processes. Every write to
 * cached state bumps its topic's revision in the same transaction; each process reads the small `revisions` table
 * every CHANGE_POLL_MS in the background and reloads a topic whose revision moved. The process that made a change
 * reloads at once (`changed`), so its own next request already sees it. Requests never wait on this.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit {
  private readonly reloads = new Map<RevisionTopic, Reload[]>();
  private readonly seen = new Map<RevisionTopic, number>();
  private readonly running = new Map<RevisionTopic, Promise<void>>();
  private readonly again = new Set<RevisionTopic>();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private failing = false;
  private readonly logger = new Logger('ChangeFeed');

  constructor(@Inject(Database) private readonly database: Database) {}

  async onModuleInit(): Promise<void> {
    await this.readRevisions();
    this.database.beforeClose(async () => this.stop());
    this.schedule();
  }

  /** Calls `reload` whenever `topic` changes (in this process or another). The caller loads its initial state itself. */
  watch(topic: RevisionTopic, reload: Reload): void {
    this.reloads.set(topic, [...(this.reloads.get(topic) ?? []), reload]);
  }

  /** Inside a write transaction: marks `topic` as changed for every process. */
  async bump(manager: EntityManager, topic: RevisionTopic): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RevisionEntity)
      .set({ revision: () => 'revision + 1' })
      .where('topic = :topic', { topic })
      .execute();
  }

  /** After a committed write in this process: reloads the topic's caches now, without waiting for the next poll. */
  async changed(topic: RevisionTopic): Promise<void> {
    await this.reload(topic);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll().finally(() => this.schedule()), CHANGE_POLL_MS);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    try {
      const moved = await this.readRevisions();
      if (this.failing) this.logger.log('the database answers again; caches follow changes again');
      this.failing = false;
      await Promise.all(moved.map((topic) => this.reload(topic)));
    } catch (error) {
      if (!this.failing) this.logger.warn(`cannot read revisions, caches keep their last state: ${error instanceof Error ? error.message : String(error)}`);
      this.failing = true;
    }
  }

  /** Reads every revision; returns the topics whose revision moved since last read. */
  private async readRevisions(): Promise<RevisionTopic[]> {
    const rows = await this.database.dataSource.getRepository(RevisionEntity).find();
    const moved: RevisionTopic[] = [];
    for (const row of rows) {
      const previous = this.seen.get(row.topic);
      if (previous !== undefined && previous !== row.revision) moved.push(row.topic);
      this.seen.set(row.topic, row.revision);
    }
    return moved;
  }

  /** One reload per topic at a time; a change that arrives meanwhile runs one more reload after it. */
  private reload(topic: RevisionTopic): Promise<void> {
    const current = this.running.get(topic);
    if (current) {
      this.again.add(topic);
      return current;
    }
    const run = (async () => {
      do {
        this.again.delete(topic);
        for (const reload of this.reloads.get(topic) ?? []) {
          await reload().catch((error: unknown) => this.logger.error(`reloading ${topic} failed: ${String(error)}`));
        }
      } while (this.again.has(topic));
    })().finally(() => this.running.delete(topic));
    this.running.set(topic, run);
    return run;
  }

  private stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
