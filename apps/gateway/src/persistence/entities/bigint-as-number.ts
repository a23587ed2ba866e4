import { type ValueTransformer } from 'typeorm';

/**
 * For bigint columns holding numbers that fit a double: times (epoch milliseconds) and counters. The pg driver reads
 * a bigint as a string, better-sqlite3 as a number; both come out as numbers.
 *
 * Times are epoch milliseconds rather than timestamp types so that SQLite and PostgreSQL share the column type, the
 * arithmetic (a time bucket is an integer division) and the indexes.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
