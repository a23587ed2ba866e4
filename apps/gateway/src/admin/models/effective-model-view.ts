import { type EffectiveModel } from '@gatehouse/contracts';
import { type ModelConfig } from '../../config';

export function effectiveModelViewOf(model: ModelConfig, isOverride: boolean, inConfigFile: boolean): EffectiveModel {
  return {
    name: model.name,
    targets: model.targets.map((target) => ({ provider: target.provider, model: target.model, weight: target.weight })),
    fallbacks: model.fallbacks ?? [],
    max_tokens_default: model.max_tokens_default ?? null,
    vision: model.vision ?? null,
    pricing: model.pricing ?? null,
    limits: model.limits ?? null,
    source: isOverride ? 'override' : 'config',
    in_config_file: inConfigFile,
  };
}
