import { type ModelDefinition } from '@gatehouse/contracts';
import { EntitySchema } from 'typeorm';
import { bigintAsNumber } from './bigint-as-number';

/** A model defined or replaced through the admin API; the effective config is the file's models plus these. */
export interface ModelOverrideRow {
  name: string;
  /** The model as in the config file (without its name), already validated. */
  definition: ModelDefinition;
  updated_at: number;
}

export const ModelOverrideEntity = new EntitySchema<ModelOverrideRow>({
  name: 'ModelOverride',
  tableName: 'model_overrides',
  columns: {
    name: { type: 'varchar', length: 200, primary: true },
    definition: { type: 'simple-json' },
    updated_at: { type: 'bigint', transformer: bigintAsNumber },
  },
});
