import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { buildDefaultConfig } from './default-config';

describe('buildDefaultConfig', () => {
  it('is valid with no environment: open auth, SQLite under ./data, no Redis, no providers', () => {
    const config = buildDefaultConfig({});
    expect(config.server).toMatchObject({ host: '0.0.0.0', port: 8080 });
    expect(config.storage).toEqual({ database: 'sqlite:./data/gatehouse.db', usage_records: true });
    expect(config.auth.mode).toBe('open');
    expect(config.admin.api_key).toBeUndefined();
    expect(config.providers).toEqual([]);
    expect(config.models).toEqual([]);
    expect(config.routing).toEqual({ decisions: [] });
  });

  it('honours PORT, HOST, DATABASE_URL, REDIS_URL, GATEHOUSE_ADMIN_KEY and GATEHOUSE_AUTH_MODE', () => {
    const config = buildDefaultConfig({
      PORT: '3000',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://gh:pw@localhost:5432/gatehouse',
      REDIS_URL: 'redis://localhost:6379',
      GATEHOUSE_ADMIN_KEY: 'admin-key-123',
      GATEHOUSE_AUTH_MODE: 'keys',
    });
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 3000 });
    expect(config.storage).toEqual({ database: 'postgres://gh:pw@localhost:5432/gatehouse', redis: 'redis://localhost:6379', usage_records: true });
    expect(config.admin.api_key).toBe('admin-key-123');
    expect(config.auth.mode).toBe('keys');
  });

  it('treats empty variables as unset', () => {
    const config = buildDefaultConfig({ PORT: '', ANTHROPIC_API_KEY: '', OPENAI_BASE_URL: '', REDIS_URL: '' });
    expect(config.server.port).toBe(8080);
    expect(config.providers).toEqual([]);
    expect(config.storage.redis).toBeUndefined();
  });

  it('adds the anthropic provider and the Claude 4.5 models from ANTHROPIC_API_KEY', () => {
    const config = buildDefaultConfig({ ANTHROPIC_API_KEY: 'sk-ant-test' });
    expect(config.providers).toEqual([
      expect.objectContaining({ name: 'anthropic', type: 'anthropic', base_url: 'https://api.anthropic.com', api_key: 'sk-ant-test' }),
    ]);
    expect(config.models.map((model) => [model.name, model.targets[0]!.model])).toEqual([
      ['claude-opus-4-5', 'claude-opus-4-5-20251101'],
      ['claude-opus-4-5-20251101', 'claude-opus-4-5-20251101'],
      ['claude-sonnet-4-5', 'claude-sonnet-4-5-20250929'],
      ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929'],
      ['claude-haiku-4-5', 'claude-haiku-4-5-20251001'],
      ['claude-haiku-4-5-20251001', 'claude-haiku-4-5-20251001'],
    ]);
    expect(config.models.every((model) => model.targets[0]!.provider === 'anthropic' && model.vision === true)).toBe(true);
    expect(config.routing.default_model).toBe('claude-sonnet-4-5');
  });

  it('takes the Anthropic base URL from ANTHROPIC_BASE_URL', () => {
    const config = buildDefaultConfig({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'http://127.0.0.1:4010/' });
    expect(config.providers[0]!.base_url).toBe('http://127.0.0.1:4010');
  });

  it('adds the openai provider with the default models from OPENAI_API_KEY', () => {
    const config = buildDefaultConfig({ OPENAI_API_KEY: 'sk-openai' });
    expect(config.providers).toEqual([
      expect.objectContaining({ name: 'openai', type: 'openai', base_url: 'https://api.openai.com/v1', api_key: 'sk-openai' }),
    ]);
    expect(config.models.map((model) => model.name)).toEqual(['gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini']);
    expect(config.models[0]!.targets).toEqual([{ provider: 'openai', model: 'gpt-4.1', weight: 1 }]);
    expect(config.routing.default_model).toBe('gpt-4.1');
  });

  it('adds an OpenAI-compatible server from OPENAI_BASE_URL alone, with the models in OPENAI_MODELS', () => {
    const config = buildDefaultConfig({ OPENAI_BASE_URL: 'http://localhost:8000/v1', OPENAI_MODELS: ' Qwen/Qwen2.5-7B-Instruct, llama3 ,,llama3' });
    expect(config.providers[0]).toMatchObject({ name: 'openai', base_url: 'http://localhost:8000/v1' });
    expect(config.providers[0]!.api_key).toBeUndefined();
    expect(config.models.map((model) => [model.name, model.targets[0]!.model, model.vision])).toEqual([
      ['Qwen/Qwen2.5-7B-Instruct', 'Qwen/Qwen2.5-7B-Instruct', undefined],
      ['llama3', 'llama3', undefined],
    ]);
  });

  it('combines both providers; a name listed twice keeps its first definition', () => {
    const config = buildDefaultConfig({ ANTHROPIC_API_KEY: 'a', OPENAI_API_KEY: 'o', OPENAI_MODELS: 'gpt-4o,claude-haiku-4-5' });
    expect(config.providers.map((provider) => provider.name)).toEqual(['anthropic', 'openai']);
    expect(config.models.find((model) => model.name === 'claude-haiku-4-5')!.targets[0]!.provider).toBe('anthropic');
    expect(config.models.find((model) => model.name === 'gpt-4o')!.targets[0]!.provider).toBe('openai');
    expect(config.routing.default_model).toBe('claude-sonnet-4-5');
  });

  it('reports a bad variable like a bad field of a file', () => {
    let error: unknown;
    try {
      buildDefaultConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((issue) => issue.path)).toEqual(['server.port', 'storage.database']);
    expect((error as ConfigError).source).toBe('embedded default');
  });
});
