import { EntitySchema } from 'typeorm';
import { bigintAsNumber } from './bigint-as-number';

/** What cached state a revision counter guards; every write to it bumps the counter in the same transaction. */
export type RevisionTopic = 'keys' | 'teams' | 'models';

export interface RevisionRow {
  topic: RevisionTopic;
  revision: number;
}

export const RevisionEntity = new EntitySchema<RevisionRow>({
  name: 'Revision',
  tableName: 'revisions',
  columns: {
    topic: { type: 'varchar', length: 32, primary: true },
    revision: { type: 'bigint', transformer: bigintAsNumber },
  },
});
