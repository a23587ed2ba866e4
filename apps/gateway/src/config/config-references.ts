import { type z } from 'zod';
import { closestName } from './closest-name';
import { formatConfigPath } from './config-path';

/** The model name that asks for routing by decisions rather than naming a model. */
const AUTO_MODEL = 'auto';

type Issue = { path: (string | number)[]; message: string };
type Named = { name?: unknown };

// This runs even when other fields failed validation, so every item is read defensively.

function listAt(value: unknown, key: string): unknown[] {
  const list = isRecord(value) ? value[key] : undefined;
  return Array.isArray(list) ? list : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nameOf(item: unknown): string | undefined {
  const name = isRecord(item) ? (item as Named).name : undefined;
  return typeof name === 'string' ? name : undefined;
}

function duplicates(
  listPath: string[],
  items: unknown[],
  field: 'name' | 'key',
  describe: (item: unknown) => string | undefined = nameOf,
): Issue[] {
  const firstIndex = new Map<string, number>();
  const issues: Issue[] = [];
  items.forEach((item, index) => {
    const value = describe(item);
    if (value === undefined) return;
    const first = firstIndex.get(value);
    if (first === undefined) {
      firstIndex.set(value, index);
      return;
    }
    // A secret is never echoed back.
    const shown = field === 'key' ? '' : ` "${value}"`;
    issues.push({ path: [...listPath, index, field], message: `duplicate ${field}${shown}, already used by ${formatConfigPath([...listPath, first])}` });
  });
  return issues;
}

function unknownReference(kind: string, name: string, known: Set<string>): string {
  const suggestion = closestName(name, known);
  return `unknown ${kind} "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}

/** The cross-field rules: unique names, and every provider and model a config refers to exists. */
export function checkConfigReferences(config: unknown, context: z.RefinementCtx): void {
  const providers = listAt(config, 'providers');
  const models = listAt(config, 'models');
  const keys = listAt(config, 'keys');
  const routing = isRecord(config) ? config['routing'] : undefined;
  const decisions = listAt(routing, 'decisions');

  const issues: Issue[] = [
    ...duplicates(['providers'], providers, 'name'),
    ...duplicates(['models'], models, 'name'),
    ...duplicates(['keys'], keys, 'name'),
    // A request is matched to its key by the secret, so two entries with one secret would be ambiguous.
    ...duplicates(['keys'], keys, 'key', (item) => (isRecord(item) && typeof item['key'] === 'string' ? item['key'] : undefined)),
    ...duplicates(['routing', 'decisions'], decisions, 'name'),
  ];

  const providerNames = new Set(providers.map(nameOf).filter((name) => name !== undefined));
  const modelNames = new Set(models.map(nameOf).filter((name) => name !== undefined));

  models.forEach((model, modelIndex) => {
    if (nameOf(model) === AUTO_MODEL) {
      issues.push({ path: ['models', modelIndex, 'name'], message: `"${AUTO_MODEL}" is reserved: it asks for routing by routing.decisions` });
    }
    listAt(model, 'targets').forEach((target, targetIndex) => {
      const provider = isRecord(target) ? target['provider'] : undefined;
      if (typeof provider === 'string' && !providerNames.has(provider)) {
        issues.push({ path: ['models', modelIndex, 'targets', targetIndex, 'provider'], message: unknownReference('provider', provider, providerNames) });
      }
    });
    listAt(model, 'fallbacks').forEach((fallback, fallbackIndex) => {
      if (typeof fallback !== 'string') return;
      const path = ['models', modelIndex, 'fallbacks', fallbackIndex];
      if (fallback === nameOf(model)) issues.push({ path, message: `a model cannot fall back to itself` });
      else if (!modelNames.has(fallback)) issues.push({ path, message: unknownReference('model', fallback, modelNames) });
    });
  });

  keys.forEach((key, keyIndex) => {
    listAt(key, 'models').forEach((model, modelIndex) => {
      if (typeof model === 'string' && model !== AUTO_MODEL && !modelNames.has(model)) {
        issues.push({ path: ['keys', keyIndex, 'models', modelIndex], message: unknownReference('model', model, modelNames) });
      }
    });
  });

  const defaultModel = isRecord(routing) ? routing['default_model'] : undefined;
  if (typeof defaultModel === 'string' && !modelNames.has(defaultModel)) {
    issues.push({ path: ['routing', 'default_model'], message: unknownReference('model', defaultModel, modelNames) });
  }
  decisions.forEach((decision, decisionIndex) => {
    const model = isRecord(decision) ? decision['model'] : undefined;
    if (typeof model === 'string' && !modelNames.has(model)) {
      issues.push({ path: ['routing', 'decisions', decisionIndex, 'model'], message: unknownReference('model', model, modelNames) });
    }
  });

  for (const issue of issues) context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}
