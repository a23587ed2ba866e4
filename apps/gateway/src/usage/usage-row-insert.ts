import { type UsageRecordRow } from '../persistence/entities/usage-record.entity';
import { type Database } from '../persistence/database';

/** The part of better-sqlite3's connection (TypeORM's driver holds one) used here. */
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  transaction<A extends unknown[]>(run: (...args: A) => void): (...args: A) => void;
}
interface SqliteStatement {
  run(values: unknown[]): unknown;
}

type Column = Exclude<keyof UsageRecordRow, 'id'>;

const COLUMNS: readonly Column[] = [
  'started_at', 'request_id', 'key_id', 'key_name', 'team', 'endpoint', 'client_dialect', 'requested_model',
  'routed_model', 'upstream_model', 'provider', 'decision', 'status', 'error_kind', 'stream', 'aborted', 'input_tokens',
  'output_tokens', 'cached_tokens', 'cache_write_tokens', 'reasoning_tokens', 'cost_usd', 'latency_ms', 'ttft_ms', 'attempts',
];

/** Rows per statement: 25 columns a row stays well under both databases' bound-parameter limits. */
const ROWS_PER_STATEMENT = 100;

/**
 * Inserts usage rows with plain multi-row INSERTs built once per row count. TypeORM's query builder spent about as
 * much CPU on each row as the gateway spends proxying the request, so the hot write path skips it. On SQLite the
 * statements are prepared once and a batch is one synchronous transaction (microseconds a row); on PostgreSQL a batch
 * is one transaction of parameterised statements.
 */
export class UsageRowInsert {
  private readonly sql = new Map<number, string>();
  private readonly sqliteStatements = new Map<number, SqliteStatement>();
  /** The connection the statements were prepared on: TypeORM opens a new one when the data source is initialised again. */
  private sqliteConnection?: SqliteConnection;
  private sqliteInsertAll?: (rows: readonly UsageRecordRow[]) => void;

  constructor(private readonly database: Database) {}

  async insert(rows: readonly UsageRecordRow[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.database.kind === 'sqlite') {
      this.sqliteInsert()(rows);
      return;
    }
    await this.database.dataSource.transaction(async (manager) => {
      for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(at, at + ROWS_PER_STATEMENT);
        await manager.query(this.statementFor(chunk.length, (n) => `$${n}`), valuesOf(chunk, false));
      }
    });
  }

  private sqliteInsert(): (rows: readonly UsageRecordRow[]) => void {
    if (!this.database.dataSource.isInitialized) throw new Error('the database is closed');
    const connection = (this.database.dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
    if (connection !== this.sqliteConnection || !this.sqliteInsertAll) {
      this.sqliteConnection = connection;
      this.sqliteStatements.clear();
      this.sqliteInsertAll = connection.transaction((rows: readonly UsageRecordRow[]) => {
        for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
          const chunk = rows.slice(at, at + ROWS_PER_STATEMENT);
          this.sqliteStatement(connection, chunk.length).run(valuesOf(chunk, true));
        }
      });
    }
    return this.sqliteInsertAll;
  }

  private sqliteStatement(connection: SqliteConnection, rowCount: number): SqliteStatement {
    let statement = this.sqliteStatements.get(rowCount);
    if (!statement) {
      statement = connection.prepare(this.statementFor(rowCount, () => '?'));
      this.sqliteStatements.set(rowCount, statement);
    }
    return statement;
  }

  private statementFor(rowCount: number, placeholder: (n: number) => string): string {
    let sql = this.sql.get(rowCount);
    if (sql) return sql;
    const rows: string[] = [];
    for (let row = 0; row < rowCount; row++) {
      const first = row * COLUMNS.length;
      rows.push(`(${COLUMNS.map((_, column) => placeholder(first + column + 1)).join(', ')})`);
    }
    sql = `INSERT INTO usage_records (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`;
    this.sql.set(rowCount, sql);
    return sql;
  }
}

/** The bound values, row after row; SQLite has no boolean type and takes 0 and 1. */
function valuesOf(rows: readonly UsageRecordRow[], booleansAsIntegers: boolean): unknown[] {
  const values: unknown[] = new Array(rows.length * COLUMNS.length);
  let at = 0;
  for (const row of rows) {
    for (const column of COLUMNS) {
      const value = row[column];
      values[at++] = booleansAsIntegers && typeof value === 'boolean' ? (value ? 1 : 0) : value;
    }
  }
  return values;
}
