import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the tests look for PostgreSQL (trust auth, user postgres, an existing database `test`); overridable. */
export const POSTGRES_ADMIN_URL = process.env['GATEHOUSE_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface PostgresAvailability {
  reachable: boolean;
  /** Why the PostgreSQL suites are skipped, when they are. */
  reason: string;
}

/**
 * Whether PostgreSQL answers. Outside CI an unreachable server skips the PostgreSQL suites with a clear reason;
 * under CI=true it is a failure, thrown here so the suite fails instead of skipping.
 */
export async function probePostgres(): Promise<PostgresAvailability> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { reachable: true, reason: '' };
  } catch (error) {
    const reason = `PostgreSQL not reachable at ${safeUrl(POSTGRES_ADMIN_URL)} (${(error as Error).message})`;
    if (process.env['CI'] === 'true') throw new Error(`${reason}; under CI=true the PostgreSQL suites must run`);
    console.warn(`skipping the PostgreSQL suites: ${reason}`);
    return { reachable: false, reason };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface PostgresTestDatabase {
  /** A postgres:// URL of a fresh, empty database made for this test file. */
  url: string;
  drop(): Promise<void>;
}

/** Makes a fresh database (dropped again by `drop`, even with connections still open). */
export async function createPostgresTestDatabase(): Promise<PostgresTestDatabase> {
  const name = `gatehouse_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '****';
  return parsed.toString();
}
