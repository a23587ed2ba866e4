import { randomUUID } from 'node:crypto';
import {
  type ApiKey,
  type CreatedApiKey,
  type createKeyRequestSchema,
  type updateKeyRequestSchema,
  type ValidationIssue,
} from '@gatehouse/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { GatewayError } from '@gatehouse/translate';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { generateKeySecret } from '../../auth/key-secret';
import { configKeyId } from '../../auth/principal-of';
import { maskSecrets } from '../../config';
import { ChangeFeed } from '../../persistence/change-feed';
import { Database } from '../../persistence/database';
import { ApiKeyEntity, type ApiKeyRow } from '../../persistence/entities/api-key.entity';
import { TeamEntity } from '../../persistence/entities/team.entity';
import { AdminValidationError } from '../admin-validation-error';
import { EffectiveConfig } from '../effective-config';
import { apiKeyViewOf, configKeyViewOf } from './api-key-view';

type CreateKey = z.output<typeof createKeyRequestSchema>;
type UpdateKey = z.output<typeof updateKeyRequestSchema>;

/** Making, reading, changing and revoking gateway keys; each write is one transaction and reaches every process's key store. */
@Injectable()
export class KeyAdminService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ChangeFeed) private readonly changes: ChangeFeed,
    @Inject(EffectiveConfig) private readonly effective: EffectiveConfig,
  ) {}

  /** Database keys newest first (revoked ones included), then the config file's keys. */
  async list(): Promise<ApiKey[]> {
    const rows = await this.database.dataSource.getRepository(ApiKeyEntity).find({ order: { created_at: 'DESC', id: 'ASC' } });
    return [...rows.map(apiKeyViewOf), ...this.configKeys()];
  }

  async get(id: string): Promise<ApiKey> {
    const configKey = this.configKeys().find((key) => key.id === id);
    if (configKey) return configKey;
    return apiKeyViewOf(await this.row(this.database.dataSource.manager, id));
  }

  async create(body: CreateKey, now = Date.now()): Promise<CreatedApiKey> {
    this.checkModels(body.models);
    const expiresAt = this.checkExpiry(body.expires_at, now);
    const secret = generateKeySecret();
    const row: ApiKeyRow = {
      id: randomUUID(),
      name: body.name,
      secret_hash: secret.hash,
      prefix: secret.prefix,
      team: body.team ?? null,
      models: body.models ?? null,
      limits: body.limits ?? null,
      budget: body.budget ?? null,
      expires_at: expiresAt ?? null,
      revoked_at: null,
      created_at: now,
      last_used_at: null,
    };
    let teamCreated = false;
    await this.database.dataSource.transaction(async (manager) => {
      // A key may name a team that does not exist yet: the team is made with it, in the same transaction.
      if (row.team && !(await manager.getRepository(TeamEntity).existsBy({ name: row.team }))) {
        await manager.getRepository(TeamEntity).insert({ name: row.team, budget: null, created_at: now });
        await this.changes.bump(manager, 'teams');
        teamCreated = true;
      }
      await manager.getRepository(ApiKeyEntity).insert(row);
      await this.changes.bump(manager, 'keys');
    });
    await this.changes.changed('keys');
    if (teamCreated) await this.changes.changed('teams');
    return { ...apiKeyViewOf(row), key: secret.secret };
  }

  async update(id: string, body: UpdateKey, now = Date.now()): Promise<ApiKey> {
    this.refuseConfigKey(id, 'changed');
    if (body.models) this.checkModels(body.models);
    const expiresAt = body.expires_at === undefined ? undefined : body.expires_at === null ? null : this.checkExpiry(body.expires_at, now)!;
    const updated = await this.database.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, id);
      if (row.revoked_at !== null) throw new GatewayError('invalid_request', `The key "${row.name}" is revoked and can no longer be changed`, { status: 409 });
      const changes: Partial<ApiKeyRow> = {};
      if (body.models !== undefined) changes.models = body.models;
      if (body.limits !== undefined) changes.limits = body.limits;
      if (body.budget !== undefined) changes.budget = body.budget;
      if (expiresAt !== undefined) changes.expires_at = expiresAt;
      await manager.getRepository(ApiKeyEntity).update({ id }, changes);
      await this.changes.bump(manager, 'keys');
      return { ...row, ...changes };
    });
    await this.changes.changed('keys');
    return apiKeyViewOf(updated);
  }

  /** Revoking twice is harmless: the key stays revoked as of the first time. */
  async revoke(id: string, now = Date.now()): Promise<ApiKey> {
    this.refuseConfigKey(id, 'revoked');
    const revoked = await this.database.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, id);
      if (row.revoked_at !== null) return row;
      await manager.getRepository(ApiKeyEntity).update({ id }, { revoked_at: now });
      await this.changes.bump(manager, 'keys');
      return { ...row, revoked_at: now };
    });
    await this.changes.changed('keys');
    return apiKeyViewOf(revoked);
  }

  private configKeys(): ApiKey[] {
    const file = this.effective.file;
    const masked = maskSecrets(file).keys;
    return file.keys.map((key, index) => configKeyViewOf(key, masked[index]!.key));
  }

  private async row(manager: EntityManager, id: string): Promise<ApiKeyRow> {
    const row = await manager.getRepository(ApiKeyEntity).findOneBy({ id });
    if (!row) throw new GatewayError('not_found', `There is no key with the id "${id}"`);
    return row;
  }

  private refuseConfigKey(id: string, what: string): void {
    const key = this.effective.file.keys.find((candidate) => configKeyId(candidate.name) === id);
    if (key) {
      throw new GatewayError('invalid_request', `The key "${key.name}" is defined in the config file and cannot be ${what} here; edit the file`, {
        status: 409,
      });
    }
  }

  private checkModels(models: readonly string[] | undefined): void {
    if (!models) return;
    const known = new Set(this.effective.models.map((model) => model.name));
    const issues: ValidationIssue[] = models.flatMap((model, index) =>
      model === 'auto' || known.has(model) ? [] : [{ path: `models[${index}]`, message: `unknown model "${model}"` }],
    );
    if (issues.length > 0) throw new AdminValidationError(issues);
  }

  private checkExpiry(expiresAt: string | undefined, now: number): number | undefined {
    if (expiresAt === undefined) return undefined;
    const at = Date.parse(expiresAt);
    if (at <= now) throw new AdminValidationError([{ path: 'expires_at', message: 'must be in the future' }]);
    return at;
  }
}
