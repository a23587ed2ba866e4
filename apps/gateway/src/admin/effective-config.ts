import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type GatehouseConfig, type ModelConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { ChangeFeed } from '../persistence/change-feed';
import { Database } from '../persistence/database';
import { ModelOverrideEntity, type ModelOverrideRow } from '../persistence/entities/model-override.entity';
import { modelConfigOf } from './models/model-definition';
import { validateModelSet } from './models/validate-model-set';

export type EffectiveConfigListener = (config: GatehouseConfig) => void;

/**
 * The config in force: the file, with the model overrides made through the admin API (an override replaces the
 * file's model of the same name, or adds one). It follows changes from every process through the change feed and
 * tells listeners, so routing can pick up new models without a restart.
 */
@Injectable()
export class EffectiveConfig implements OnModuleInit {
  private current: GatehouseConfig;
  private overrideNames: ReadonlySet<string> = new Set();
  private readonly listeners = new Set<EffectiveConfigListener>();
  private readonly logger = new Logger('EffectiveConfig');

  constructor(
    @Inject(GATEHOUSE_CONFIG) readonly file: GatehouseConfig,
    @Inject(Database) private readonly database: Database,
    @Inject(ChangeFeed) private readonly changes: ChangeFeed,
  ) {
    this.current = file;
  }

  async onModuleInit(): Promise<void> {
    this.changes.watch('models', () => this.reload());
    await this.reload();
  }

  get config(): GatehouseConfig {
    return this.current;
  }

  get models(): readonly ModelConfig[] {
    return this.current.models;
  }

  /** Whether the model of this name comes from an override rather than the file. */
  isOverride(name: string): boolean {
    return this.overrideNames.has(name);
  }

  /** Called with the new effective config after every change; returns a function that stops listening. */
  onChange(listener: EffectiveConfigListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The models the file and these overrides give: overrides replace models in place, new ones come after, by name. */
  mergeModels(overrides: readonly ModelOverrideRow[]): ModelConfig[] {
    const byName = new Map(overrides.map((row) => [row.name, modelConfigOf(row.name, row.definition)]));
    const merged = this.file.models.map((model) => byName.get(model.name) ?? model);
    const fileNames = new Set(this.file.models.map((model) => model.name));
    const added = [...byName.values()].filter((model) => !fileNames.has(model.name)).sort((a, b) => a.name.localeCompare(b.name));
    return [...merged, ...added];
  }

  async reload(): Promise<void> {
    let overrides = await this.database.dataSource.getRepository(ModelOverrideEntity).find();
    // The file may have changed since an override was made (a provider removed): such an override is left out, loudly.
    const issues = validateModelSet(this.file, this.mergeModels(overrides));
    if (issues.length > 0) {
      const models = this.mergeModels(overrides);
      const broken = new Set(issues.flatMap((issue) => (issue.modelIndex === undefined ? [] : [models[issue.modelIndex]!.name])));
      for (const issue of issues) this.logger.warn(`model override ignored: ${issue.modelIndex === undefined ? '' : `${models[issue.modelIndex]!.name}: `}${issue.path}: ${issue.message}`);
      overrides = overrides.filter((row) => !broken.has(row.name));
    }
    const next = { ...this.file, models: this.mergeModels(overrides) };
    const changed = JSON.stringify(next.models) !== JSON.stringify(this.current.models);
    this.current = next;
    this.overrideNames = new Set(overrides.map((row) => row.name));
    if (!changed) return;
    for (const listener of this.listeners) {
      try {
        listener(next);
      } catch (error) {
        this.logger.error(`an effective-config listener failed: ${String(error)}`);
      }
    }
  }
}
