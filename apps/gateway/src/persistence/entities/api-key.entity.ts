import { type Budget, type KeyLimits } from '@gatehouse/contracts';
import { EntitySchema } from 'typeorm';
import { bigintAsNumber } from './bigint-as-number';

/** A gateway key made through the admin API. The secret itself is never stored: only its sha256 and a visible prefix. */
export interface ApiKeyRow {
  id: string;
  name: string;
  /** Hex sha256 of the secret: how a presented key is found. */
  secret_hash: string;
  prefix: string;
  team: string | null;
  models: string[] | null;
  limits: KeyLimits | null;
  budget: Budget | null;
  expires_at: number | null;
  revoked_at: number | null;
  created_at: number;
  last_used_at: number | null;
}

const time = { type: 'bigint', transformer: bigintAsNumber } as const;

export const ApiKeyEntity = new EntitySchema<ApiKeyRow>({
  name: 'ApiKey',
  tableName: 'api_keys',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    name: { type: 'varchar', length: 200 },
    secret_hash: { type: 'varchar', length: 64 },
    prefix: { type: 'varchar', length: 32 },
    team: { type: 'varchar', length: 200, nullable: true },
    models: { type: 'simple-json', nullable: true },
    limits: { type: 'simple-json', nullable: true },
    budget: { type: 'simple-json', nullable: true },
    expires_at: { ...time, nullable: true },
    revoked_at: { ...time, nullable: true },
    created_at: time,
    last_used_at: { ...time, nullable: true },
  },
});
