import { type ApiKey } from '@gatehouse/contracts';
import { configKeyId } from '../../auth/principal-of';
import { type KeyConfig } from '../../config';
import { type ApiKeyRow } from '../../persistence/entities/api-key.entity';
import { isoTimeOf } from '../iso-time-of';

/** A database key as the admin API shows it: everything but the secret and its hash. */
export function apiKeyViewOf(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    team: row.team,
    models: row.models,
    limits: row.limits,
    budget: row.budget,
    expires_at: isoTimeOf(row.expires_at),
    revoked_at: isoTimeOf(row.revoked_at),
    created_at: isoTimeOf(row.created_at),
    last_used_at: isoTimeOf(row.last_used_at),
    source: 'database',
  };
}

/** A bootstrap key of the config file; `maskedSecret` is its secret as maskSecrets shows it (`••••` and the last 4). */
export function configKeyViewOf(key: KeyConfig, maskedSecret: string): ApiKey {
  return {
    id: configKeyId(key.name),
    name: key.name,
    prefix: maskedSecret,
    team: key.team ?? null,
    models: key.models ?? null,
    limits: key.limits ?? null,
    budget: key.budget ?? null,
    expires_at: null,
    revoked_at: null,
    created_at: null,
    last_used_at: null,
    source: 'config',
  };
}
