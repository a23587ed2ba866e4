import { type EffectiveModel, type ModelDefinition } from '@gatehouse/contracts';

/** An effective model as the body of `PUT /admin/api/models/{name}`: the starting point for an override. */
export function modelDefinitionOf(model: EffectiveModel): ModelDefinition {
  return {
    targets: model.targets.map(({ provider, model: upstreamModel, weight }) => ({ provider, model: upstreamModel, weight })),
    ...(model.fallbacks.length > 0 ? { fallbacks: model.fallbacks } : {}),
    ...(model.max_tokens_default !== null ? { max_tokens_default: model.max_tokens_default } : {}),
    ...(model.vision !== null ? { vision: model.vision } : {}),
    ...(model.pricing ? { pricing: model.pricing } : {}),
    ...(model.limits ? { limits: model.limits } : {}),
  };
}
