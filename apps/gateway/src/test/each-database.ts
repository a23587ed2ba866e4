import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createPostgresTestDatabase, probePostgres } from './postgres-test-database';

export interface TestDatabase {
  /** A `storage.database` value: `sqlite:PATH` or a postgres:// URL, fresh and empty. */
  url: string;
  drop(): Promise<void>;
}

export interface TestDatabaseTarget {
  kind: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'gatehouse-db-'));
  return { url: `sqlite:${join(folder, 'gatehouse.db')}`, drop: async () => rmSync(folder, { recursive: true, force: true }) };
}

const postgres = await probePostgres();

const targets: { target: TestDatabaseTarget; skipReason?: string }[] = [
  { target: { kind: 'sqlite', create: createSqliteTestDatabase } },
  { target: { kind: 'postgres', create: createPostgresTestDatabase }, skipReason: postgres.reachable ? undefined : postgres.reason },
];

/**
 * Declares `suite` once per database: SQLite, and PostgreSQL in a fresh database per run. Outside CI, PostgreSQL
 * suites are skipped (with the reason in their title) when the server is not reachable; under CI=true that fails.
 */
export function describeOnEachDatabase(title: string, suite: (target: TestDatabaseTarget) => void): void {
  for (const { target, skipReason } of targets) {
    const name = skipReason ? `${title} on ${target.kind} (skipped: ${skipReason})` : `${title} on ${target.kind}`;
    describe.skipIf(skipReason !== undefined)(name, () => suite(target));
  }
}
