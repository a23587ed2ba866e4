import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

const varchar = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const bigint = (name: string, nullable = false) => ({ name, type: 'bigint', isNullable: nullable });
const integer = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable, default: nullable ? undefined : 0 });
const json = (name: string, nullable = true) => ({ name, type: 'text', isNullable: nullable });

/**
 * Teams, keys, model overrides, usage records and the revision counters, written with the QueryRunner Table API so
 * that one migration runs on SQLite and PostgreSQL alike. Times are epoch milliseconds (bigint).
 */
export class InitialSchema1735689600000 implements MigrationInterface {
  // Explicit, because a bundler may rename the class and TypeORM would otherwise read the name from it.
  readonly name = 'InitialSchema1735689600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // SQLite's AUTOINCREMENT needs exactly INTEGER PRIMARY KEY (a 64-bit rowid); PostgreSQL gets a bigserial.
    const idType = queryRunner.connection.driver.options.type === 'postgres' ? 'bigint' : 'integer';

    await queryRunner.createTable(
      new Table({ name: 'revisions', columns: [{ ...varchar('topic', 32), isPrimary: true }, { ...bigint('revision'), default: 0 }] }),
    );
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into('revisions', ['topic', 'revision'])
      .values([{ topic: 'keys', revision: 0 }, { topic: 'teams', revision: 0 }, { topic: 'models', revision: 0 }])
      .execute();

    await queryRunner.createTable(
      new Table({ name: 'teams', columns: [{ ...varchar('name', 200), isPrimary: true }, json('budget'), bigint('created_at')] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'api_keys',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('name', 200),
          varchar('secret_hash', 64),
          varchar('prefix', 32),
          varchar('team', 200, true),
          json('models'),
          json('limits'),
          json('budget'),
          bigint('expires_at', true),
          bigint('revoked_at', true),
          bigint('created_at'),
          bigint('last_used_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_api_keys_secret_hash', columnNames: ['secret_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_api_keys_team', columnNames: ['team'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({ name: 'model_overrides', columns: [{ ...varchar('name', 200), isPrimary: true }, json('definition', false), bigint('updated_at')] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'usage_records',
        columns: [
          { name: 'id', type: idType, isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          bigint('started_at'),
          varchar('request_id', 128),
          varchar('key_id', 64, true),
          varchar('key_name', 200, true),
          varchar('team', 200, true),
          varchar('endpoint', 32),
          varchar('client_dialect', 32),
          varchar('requested_model', 200, true),
          varchar('routed_model', 200, true),
          varchar('upstream_model', 200, true),
          varchar('provider', 100, true),
          varchar('decision', 200, true),
          integer('status'),
          varchar('error_kind', 32, true),
          { name: 'stream', type: 'boolean', default: false },
          { name: 'aborted', type: 'boolean', default: false },
          integer('input_tokens'),
          integer('output_tokens'),
          integer('cached_tokens'),
          integer('cache_write_tokens'),
          integer('reasoning_tokens'),
          { name: 'cost_usd', type: 'double precision', default: 0 },
          integer('latency_ms'),
          integer('ttft_ms', true),
          integer('attempts'),
        ],
        indices: [
          // Time ranges (summaries, time series) and the newest-first request log with its (started_at, id) cursor.
          new TableIndex({ name: 'IDX_usage_records_started', columnNames: ['started_at', 'id'] }),
          // Budgets are seeded per key and per team for the current period; the log filters on key and model.
          new TableIndex({ name: 'IDX_usage_records_key', columnNames: ['key_id', 'started_at'] }),
          new TableIndex({ name: 'IDX_usage_records_team', columnNames: ['team', 'started_at'] }),
          new TableIndex({ name: 'IDX_usage_records_model', columnNames: ['routed_model', 'started_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['usage_records', 'model_overrides', 'api_keys', 'teams', 'revisions']) await queryRunner.dropTable(table);
  }
}
