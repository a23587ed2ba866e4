import { type GatehouseConfig } from './config-schema';
import { type Environment } from './env-expansion';
import { validateConfig } from './validate-config';

// Current Claude 4.5 models: the alias clients usually send and the dated snapshot id both work as model names,
// and both go upstream as the pinned snapshot so that behaviour does not move under a running gateway.
// https://platform.claude.com/docs/en/about-claude/models/overview
const CLAUDE_MODELS = [
  { alias: 'claude-opus-4-5', snapshot: 'claude-opus-4-5-20251101' },
  { alias: 'claude-sonnet-4-5', snapshot: 'claude-sonnet-4-5-20250929' },
  { alias: 'claude-haiku-4-5', snapshot: 'claude-haiku-4-5-20251001' },
];
const DEFAULT_CLAUDE_MODEL = 'claude-sonnet-4-5';
const DEFAULT_OPENAI_MODELS = ['gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini'];
const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * The config used when no file is given: port 8080 (or $PORT), SQLite under ./data (or $DATABASE_URL), Redis only
 * with $REDIS_URL, and providers from the usual SDK variables:
 * - ANTHROPIC_API_KEY → provider `anthropic` (ANTHROPIC_BASE_URL honoured) with the Claude 4.5 models;
 * - OPENAI_API_KEY and/or OPENAI_BASE_URL → provider `openai` with the models in OPENAI_MODELS (comma-separated)
 *   or gpt-4.1, gpt-4.1-mini, gpt-4o, gpt-4o-mini.
 * With neither, the config is still valid, with no providers and no models.
 *
 * Auth is `open`: the embedded default has no keys, so `keys` mode would refuse every request. Set
 * GATEHOUSE_AUTH_MODE=keys once keys have been made in the dashboard (which needs GATEHOUSE_ADMIN_KEY).
 * The result goes through the same schema as a file, so a bad $PORT is reported like a bad `server.port`.
 */
export function buildDefaultConfig(env: Environment): GatehouseConfig {
  const providers: Record<string, unknown>[] = [];
  const models: Record<string, unknown>[] = [];
  const modelNames = new Set<string>();
  const addModel = (name: string, provider: string, upstream: string, vision?: boolean) => {
    // A name already taken (OPENAI_MODELS listing a Claude alias) keeps its first definition.
    if (modelNames.has(name)) return;
    modelNames.add(name);
    models.push({ name, targets: [{ provider, model: upstream }], vision });
  };

  if (env['ANTHROPIC_API_KEY']) {
    providers.push({ name: 'anthropic', type: 'anthropic', base_url: env['ANTHROPIC_BASE_URL'], api_key: env['ANTHROPIC_API_KEY'] });
    for (const { alias, snapshot } of CLAUDE_MODELS) {
      addModel(alias, 'anthropic', snapshot, true);
      addModel(snapshot, 'anthropic', snapshot, true);
    }
  }

  if (env['OPENAI_API_KEY'] || env['OPENAI_BASE_URL']) {
    providers.push({ name: 'openai', type: 'openai', base_url: env['OPENAI_BASE_URL'] || OPENAI_BASE_URL, api_key: env['OPENAI_API_KEY'] });
    const listed = (env['OPENAI_MODELS'] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
    if (listed.length) for (const name of listed) addModel(name, 'openai', name);
    else for (const name of DEFAULT_OPENAI_MODELS) addModel(name, 'openai', name, true);
  }

  const defaultModel = modelNames.has(DEFAULT_CLAUDE_MODEL) ? DEFAULT_CLAUDE_MODEL : (models[0]?.['name'] as string | undefined);

  return validateConfig(
    {
      server: { host: env['HOST'], port: env['PORT'] },
      admin: { api_key: env['GATEHOUSE_ADMIN_KEY'] },
      storage: { database: env['DATABASE_URL'], redis: env['REDIS_URL'] },
      auth: { mode: env['GATEHOUSE_AUTH_MODE'] || 'open' },
      providers,
      models,
      routing: { default_model: defaultModel },
    },
    { source: 'embedded default' },
  );
}
