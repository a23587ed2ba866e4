import { describe, expect, it } from 'vitest';
import { maskSecrets } from './config-masking';
import { validateConfig } from './validate-config';

function configWithSecrets() {
  return validateConfig({
    admin: { api_key: 'admin-0123456789-abcd' },
    storage: { database: 'postgres://gatehouse:db-password-9876@db:5432/gh', redis: 'rediss://:redis-pass-5555@cache:6380/0' },
    keys: [
      { name: 'long', key: 'gh-team-a-secret-1234' },
      { name: 'short', key: 'eightch8' },
    ],
    providers: [
      {
        name: 'anthropic',
        type: 'anthropic',
        api_key: 'sk-ant-api03-zzzzzzzz-WXYZ',
        headers: { Authorization: 'Bearer upstream-token-7777', 'x-team': 'research' },
      },
      { name: 'local', type: 'openai', base_url: 'http://user:basic-auth-pass@localhost:8000/v1' },
    ],
    classifier: { embeddings: { base_url: 'http://localhost:8000/v1', api_key: 'emb-key-000000-4444', model: 'bge' } },
    telemetry: { metrics_token: 'metrics-token-xyz-8888', otlp_endpoint: 'http://localhost:4318' },
  });
}

describe('maskSecrets', () => {
  it('masks every secret, showing at most the last four characters', () => {
    const masked = maskSecrets(configWithSecrets());
    expect(masked.admin.api_key).toBe('••••abcd');
    expect(masked.storage.database).toBe('postgres://gatehouse:••••9876@db:5432/gh');
    expect(masked.storage.redis).toBe('rediss://:••••5555@cache:6380/0');
    expect(masked.keys.map((key) => key.key)).toEqual(['••••1234', '••••']);
    expect(masked.providers[0]!.api_key).toBe('••••WXYZ');
    expect(masked.providers[0]!.headers).toEqual({ Authorization: '••••7777', 'x-team': 'research' });
    expect(masked.providers[1]!.base_url).toBe('http://user:••••pass@localhost:8000/v1');
    expect(masked.providers[1]!.api_key).toBeUndefined();
    expect(masked.classifier!.embeddings!.api_key).toBe('••••4444');
    expect(masked.telemetry.metrics_token).toBe('••••8888');
    expect(masked.telemetry.otlp_endpoint).toBe('http://localhost:4318');
  });

  it('leaves no secret anywhere in the serialized result', () => {
    const serialized = JSON.stringify(maskSecrets(configWithSecrets()));
    for (const secret of ['admin-0123456789', 'db-password', 'redis-pass', 'team-a-secret', 'eightch8', 'zzzzzzzz', 'upstream-token', 'basic-auth', 'emb-key', 'metrics-token']) {
      expect(serialized).not.toContain(secret);
    }
  });

  it('returns a copy and leaves the config itself untouched', () => {
    const config = configWithSecrets();
    const before = structuredClone(config);
    const masked = maskSecrets(config);
    expect(config).toEqual(before);
    expect(masked.models).not.toBe(config.models);
  });

  it('leaves URLs without a password and SQLite paths as they are', () => {
    const masked = maskSecrets(validateConfig({ storage: { redis: 'redis://localhost:6379' } }));
    expect(masked.storage).toEqual({ database: 'sqlite:./data/gatehouse.db', redis: 'redis://localhost:6379', usage_records: true });
  });
});
