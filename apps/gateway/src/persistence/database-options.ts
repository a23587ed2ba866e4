import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type DataSourceOptions } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { ModelOverrideEntity } from './entities/model-override.entity';
import { RevisionEntity } from './entities/revision.entity';
import { TeamEntity } from './entities/team.entity';
import { UsageRecordEntity } from './entities/usage-record.entity';
import { InitialSchema1735689600000 } from './migrations/1735689600000-initial-schema';
import { UsageBucketStatistics1735689600001 } from './migrations/1735689600001-usage-bucket-statistics';

export type DatabaseKind = 'sqlite' | 'postgres';

export const entities = [TeamEntity, ApiKeyEntity, ModelOverrideEntity, UsageRecordEntity, RevisionEntity];
export const migrations = [InitialSchema1735689600000, UsageBucketStatistics1735689600001];

const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function databaseKindOf(url: string): DatabaseKind {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/**
 * TypeORM options for `storage.database`: `sqlite:PATH` (the folder is made if missing; `sqlite::memory:` for a
 * throwaway database) or a `postgres://` URL. Migrations are run explicitly at start, never `synchronize`.
 */
export function dataSourceOptionsFor(url: string): DataSourceOptions {
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false } as const;
  if (databaseKindOf(url) === 'postgres') {
    return { ...common, type: 'postgres', url, applicationName: 'gatehouse', extra: { max: 10, connectionTimeoutMillis: 5000 } };
  }
  const path = url.slice('sqlite:'.length);
  if (path === ':memory:') return { ...common, type: 'better-sqlite3', database: ':memory:' };
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  // WAL lets readers (the admin API, another gateway process on the same file) work while usage rows are written.
  // With WAL, synchronous=NORMAL keeps the file consistent after a crash and drops the fsync from every commit: SQLite
  // writes run on the event loop, and an fsync per usage batch stalled every request in flight. A power cut may lose
  // the last commits.
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    enableWAL: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (connection: { pragma(statement: string): unknown }) => void connection.pragma('synchronous = NORMAL'),
  };
}
