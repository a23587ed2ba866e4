import { type Budget } from '@gatehouse/contracts';
import { EntitySchema } from 'typeorm';
import { bigintAsNumber } from './bigint-as-number';

/** A team: keys belong to one by name; it may have a budget shared by its keys. Properties are named as their columns. */
export interface TeamRow {
  name: string;
  budget: Budget | null;
  created_at: number;
}

export const TeamEntity = new EntitySchema<TeamRow>({
  name: 'Team',
  tableName: 'teams',
  columns: {
    name: { type: 'varchar', length: 200, primary: true },
    budget: { type: 'simple-json', nullable: true },
    created_at: { type: 'bigint', transformer: bigintAsNumber },
  },
});
