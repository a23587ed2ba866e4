import { type EffectiveModel, type modelDefinitionSchema, type ValidationIssue } from '@gatehouse/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { GatewayError } from '@gatehouse/translate';
import { type z } from 'zod';
import { ChangeFeed } from '../../persistence/change-feed';
import { Database } from '../../persistence/database';
import { ModelOverrideEntity, type ModelOverrideRow } from '../../persistence/entities/model-override.entity';
import { AdminValidationError } from '../admin-validation-error';
import { EffectiveConfig } from '../effective-config';
import { effectiveModelViewOf } from './effective-model-view';
import { type ModelSetIssue, validateModelSet } from './validate-model-set';

type ModelDefinition = z.output<typeof modelDefinitionSchema>;

/**
 * Model overrides: a PUT defines or replaces a model, a DELETE removes the override. Each change is validated as
 * the whole resulting model list would be in the config file, written in one transaction, and applied in every
 * process (EffectiveConfig listeners) without a restart.
 */
@Injectable()
export class ModelOverridesService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ChangeFeed) private readonly changes: ChangeFeed,
    @Inject(EffectiveConfig) private readonly effective: EffectiveConfig,
  ) {}

  list(): EffectiveModel[] {
    return this.effective.models.map((model) => this.view(model.name)!);
  }

  async put(name: string, definition: ModelDefinition, now = Date.now()): Promise<EffectiveModel> {
    await this.database.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ModelOverrideEntity);
      const others = (await repository.find()).filter((row) => row.name !== name);
      const row: ModelOverrideRow = { name, definition, updated_at: now };
      const models = this.effective.mergeModels([...others, row]);
      const issues = validateModelSet(this.effective.file, models);
      if (issues.length > 0) throw new AdminValidationError(relativeTo(name, models.map((model) => model.name), issues));
      await repository.upsert(row, ['name']);
      await this.changes.bump(manager, 'models');
    });
    await this.changes.changed('models');
    return this.view(name)!;
  }

  async remove(name: string): Promise<void> {
    await this.database.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ModelOverrideEntity);
      const rows = await repository.find();
      if (!rows.some((row) => row.name === name)) {
        const inFile = this.effective.file.models.some((model) => model.name === name);
        throw new GatewayError('not_found', inFile ? `The model "${name}" has no override; it is defined in the config file` : `There is no model override "${name}"`);
      }
      const models = this.effective.mergeModels(rows.filter((row) => row.name !== name));
      const issues = validateModelSet(this.effective.file, models);
      if (issues.length > 0) {
        throw new AdminValidationError(relativeTo(name, models.map((model) => model.name), issues), `The model "${name}" is still referred to`, 409);
      }
      await repository.delete({ name });
      await this.changes.bump(manager, 'models');
    });
    await this.changes.changed('models');
  }

  private view(name: string): EffectiveModel | undefined {
    const model = this.effective.models.find((candidate) => candidate.name === name);
    if (!model) return undefined;
    return effectiveModelViewOf(model, this.effective.isOverride(name), this.effective.file.models.some((candidate) => candidate.name === name));
  }
}

/** Issues about the model being written keep paths relative to its body; others are prefixed with the model they are about. */
function relativeTo(name: string, names: readonly string[], issues: readonly ModelSetIssue[]): ValidationIssue[] {
  return issues.map(({ modelIndex, path, message }) => {
    if (modelIndex === undefined) return { path, message };
    const about = names[modelIndex];
    if (about === name) return { path, message };
    return { path: `models["${about}"]${path ? `.${path}` : ''}`, message };
  });
}
