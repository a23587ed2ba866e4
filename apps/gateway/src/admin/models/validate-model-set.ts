import { type ValidationIssue } from '@gatehouse/contracts';
import { ConfigError, type GatehouseConfig, type ModelConfig, validateConfig } from '../../config';

export interface ModelSetIssue extends ValidationIssue {
  /** Index in the model list the issue is about, when it is about one model. */
  modelIndex?: number;
}

const MODEL_PATH = /^models\[(\d+)\]\.?(.*)$/;

/**
 * Validates a whole list of models exactly as the config file's `models` would be (field rules and references:
 * providers that exist, fallbacks that name models, no duplicates, "auto" reserved), plus the routing section's
 * references to model names. Paths come back relative to the model they are about (`targets[0].provider`).
 */
export function validateModelSet(file: GatehouseConfig, models: readonly ModelConfig[]): ModelSetIssue[] {
  const issues: ModelSetIssue[] = [];
  try {
    // Providers are given by name only: model rules look no further than whether a provider exists.
    validateConfig({
      providers: file.providers.map((provider) => ({ name: provider.name, type: 'openai', base_url: 'http://provider.invalid' })),
      models,
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const issue of error.issues) {
      const match = MODEL_PATH.exec(issue.path);
      issues.push(match ? { modelIndex: Number(match[1]), path: match[2]!, message: issue.message } : { path: issue.path, message: issue.message });
    }
  }
  const names = new Set(models.map((model) => model.name));
  if (file.routing.default_model && !names.has(file.routing.default_model)) {
    issues.push({ path: 'routing.default_model', message: `refers to the model "${file.routing.default_model}", which would no longer exist` });
  }
  file.routing.decisions.forEach((decision, index) => {
    if (!names.has(decision.model)) {
      issues.push({ path: `routing.decisions[${index}].model`, message: `refers to the model "${decision.model}", which would no longer exist` });
    }
  });
  return issues;
}
