import { type ModelDefinition } from '@gatehouse/contracts';
import { type ModelConfig } from '../../config';

/** An override as stored (the file's shape, without its name) turned into the parsed config's shape. */
export function modelConfigOf(name: string, definition: ModelDefinition): ModelConfig {
  return {
    name,
    targets: definition.targets.map((target) => ({ provider: target.provider, model: target.model ?? name, weight: target.weight ?? 1 })),
    ...(definition.fallbacks ? { fallbacks: definition.fallbacks } : {}),
    ...(definition.max_tokens_default !== undefined ? { max_tokens_default: definition.max_tokens_default } : {}),
    ...(definition.vision !== undefined ? { vision: definition.vision } : {}),
    ...(definition.pricing ? { pricing: definition.pricing } : {}),
    ...(definition.limits ? { limits: definition.limits } : {}),
  };
}
