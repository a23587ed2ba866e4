import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadConfig, parseConfigText, resolveConfigSource } from './config-loader';

const EXAMPLE_FILE = fileURLToPath(new URL('../../../../gatehouse.example.yaml', import.meta.url));

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'gatehouse-config-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function writeConfig(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfigSource', () => {
  it('takes --config FILE first, resolved against cwd', () => {
    writeConfig('gatehouse.yaml', '{}');
    const source = resolveConfigSource(['--port', '1', '--config', 'conf/a.yaml'], { GATEHOUSE_CONFIG: '/etc/b.yaml' }, directory);
    expect(source).toEqual({ kind: 'file', path: join(directory, 'conf/a.yaml'), from: 'argument' });
  });

  it('takes --config=FILE, and an absolute path as it is', () => {
    expect(resolveConfigSource(['--config=/srv/g.yaml'], {}, directory)).toEqual({ kind: 'file', path: '/srv/g.yaml', from: 'argument' });
  });

  it('takes GATEHOUSE_CONFIG when there is no --config', () => {
    writeConfig('gatehouse.yaml', '{}');
    expect(resolveConfigSource([], { GATEHOUSE_CONFIG: 'env.yaml' }, directory)).toEqual({
      kind: 'file',
      path: join(directory, 'env.yaml'),
      from: 'environment',
    });
  });

  it('takes ./gatehouse.yaml when it exists, else the embedded default', () => {
    expect(resolveConfigSource([], { GATEHOUSE_CONFIG: '' }, directory)).toEqual({ kind: 'default' });
    writeConfig('gatehouse.yaml', '{}');
    expect(resolveConfigSource([], {}, directory)).toEqual({
      kind: 'file',
      path: join(directory, 'gatehouse.yaml'),
      from: 'working-directory',
    });
  });

  it.each([[['--config']], [['--config', '--verbose']], [['--config=']]])('rejects %j without a path', (argv) => {
    expect(configError(() => resolveConfigSource(argv, {}, directory)).message).toBe('--config needs a file path');
  });
});

describe('loadConfig', () => {
  it('reads, expands and validates a file', () => {
    const path = writeConfig(
      'g.yaml',
      [
        'server:',
        '  port: ${PORT:-8080}',
        'providers:',
        '  - name: anthropic',
        '    type: anthropic',
        '    api_key: ${ANTHROPIC_API_KEY}',
        '    timeout: 1.5s',
        'models:',
        '  - name: claude-sonnet-4-5',
        '    targets: [{ provider: anthropic, model: claude-sonnet-4-5-20250929 }]',
      ].join('\n'),
    );
    const config = loadConfig({ kind: 'file', path, from: 'argument' }, { PORT: '9191', ANTHROPIC_API_KEY: 'sk-ant-xyz' });
    expect(config.server.port).toBe(9191);
    expect(config.providers[0]).toMatchObject({ api_key: 'sk-ant-xyz', timeout: 1500, base_url: 'https://api.anthropic.com' });
    expect(config.models[0]!.targets).toEqual([{ provider: 'anthropic', model: 'claude-sonnet-4-5-20250929', weight: 1 }]);
  });

  it('names a --config or GATEHOUSE_CONFIG file that does not exist', () => {
    const path = join(directory, 'missing.yaml');
    expect(configError(() => loadConfig({ kind: 'file', path, from: 'argument' }, {})).message).toBe(
      `config file not found: ${path} (given by --config)`,
    );
    expect(configError(() => loadConfig({ kind: 'file', path, from: 'environment' }, {})).message).toBe(
      `config file not found: ${path} (given by GATEHOUSE_CONFIG)`,
    );
  });

  it('reports a directory given as the config file', () => {
    mkdirSync(join(directory, 'conf'));
    const path = join(directory, 'conf');
    expect(configError(() => loadConfig({ kind: 'file', path, from: 'argument' }, {})).message).toBe(
      `config path is a directory, not a file: ${path} (given by --config)`,
    );
  });

  it('reports YAML syntax errors with line and column', () => {
    const path = writeConfig('bad.yaml', 'server:\n  port: 8080\n  host: a: b\n');
    const error = configError(() => loadConfig({ kind: 'file', path, from: 'argument' }, {}));
    expect(error.source).toBe(path);
    expect(error.message).toBe(`invalid YAML in ${path} at line 3, column 9: Nested mappings are not allowed in compact mappings`);
  });

  it('reports duplicate YAML keys', () => {
    const path = writeConfig('dup.yaml', 'server:\n  port: 1\n  port: 2\n');
    expect(configError(() => loadConfig({ kind: 'file', path, from: 'argument' }, {})).message).toBe(
      `invalid YAML in ${path} at line 3, column 3: Map keys must be unique`,
    );
  });

  it('hints at quoting when ${VAR} breaks a flow collection', () => {
    const error = configError(() => parseConfigText('keys:\n  - { name: a, key: ${KEY} }\n', {}, 'g.yaml'));
    expect(error.issues[0]!.message).toMatch(/^invalid YAML in g\.yaml at line 2, column \d+: .*quote values that use \$\{VAR\}/);
  });

  it('reports schema errors with the path of each bad field', () => {
    const text = 'providers:\n  - { name: anthropic, type: anthropic }\nmodels:\n  - { name: m, targets: [{ provider: antropic }] }\n';
    const error = configError(() => parseConfigText(text, {}, 'g.yaml'));
    expect(error.issues).toEqual([{ path: 'models[0].targets[0].provider', message: 'unknown provider "antropic" (did you mean "anthropic"?)' }]);
    expect(error.source).toBe('g.yaml');
  });

  it('says which unset variable left a required value blank', () => {
    const text = 'keys:\n  - name: team-a\n    key: ${TEAM_A_KEY}\n  - name: team-b\n    key: "k-${TEAM_B_SUFFIX}"\n';
    expect(configError(() => parseConfigText(text, {}, 'g.yaml')).message.split('\n')).toEqual([
      'keys[0].key: required (from ${TEAM_A_KEY}, which is not set)',
      'keys[1].key: must be at least 8 characters (from ${TEAM_B_SUFFIX}, which is not set)',
    ]);
  });

  it('expands after parsing, so a value with quotes, colons or # cannot change the structure', () => {
    const text = 'admin:\n  api_key: ${ADMIN_KEY}\ntelemetry:\n  metrics_token: ${TOKEN}\n';
    const config = parseConfigText(text, { ADMIN_KEY: 'a: "b" # c\nd: e', TOKEN: "'}]" }, 'g.yaml');
    expect(config.admin.api_key).toBe('a: "b" # c\nd: e');
    expect(config.telemetry.metrics_token).toBe("'}]");
  });

  it('leaves an optional field unset when its variable is unset', () => {
    const config = parseConfigText('storage:\n  redis: ${REDIS_URL}\nadmin:\n  api_key: ${ADMIN:-}\n', {}, 'g.yaml');
    expect(config.storage.redis).toBeUndefined();
    expect(config.admin.api_key).toBeUndefined();
  });

  it('keeps an escaped $${ literal', () => {
    expect(parseConfigText('admin:\n  api_key: "pa$${ss}word"\n', {}, 'g.yaml').admin.api_key).toBe('pa${ss}word');
  });

  it('reports a malformed reference with its path, along with other errors', () => {
    const error = configError(() => parseConfigText('admin:\n  api_key: ${KEY\nserver:\n  port: x\n', {}, 'g.yaml'));
    expect(error.message.split('\n')).toEqual([
      'admin.api_key: unterminated ${ in "${KEY" (write $${ for a literal ${)',
      'server.port: Invalid input: expected number, received string',
    ]);
  });

  it('reads an empty file as all defaults and rejects a top level that is not a mapping', () => {
    expect(parseConfigText('# nothing yet\n', {}, 'g.yaml').server.port).toBe(8080);
    expect(configError(() => parseConfigText('- a\n- b\n', {}, 'g.yaml')).message).toBe(
      'g.yaml must hold a YAML mapping (key: value lines) at the top level',
    );
  });

  it('rejects top-level helper keys such as x-defaults: anchors live inside a known section', () => {
    const error = configError(() => parseConfigText('x-defaults: &defaults\n  timeout: 30s\n', {}, 'g.yaml'));
    expect(error.issues).toEqual([
      {
        path: 'x-defaults',
        message:
          'unknown key (expected one of: server, admin, storage, auth, keys, providers, models, routing, classifier, limits, teams, circuit_breaker, responses, telemetry, pricing)',
      },
    ]);
  });

  it('supports YAML anchors and merge keys for shared provider settings', () => {
    const text = [
      'providers:',
      '  - &local { name: a, type: openai, base_url: "http://a:1/v1", timeout: 30s }',
      '  - { <<: *local, name: b, base_url: "http://b:1/v1" }',
    ].join('\n');
    expect(parseConfigText(text, {}, 'g.yaml').providers.map((provider) => [provider.name, provider.base_url, provider.timeout])).toEqual([
      ['a', 'http://a:1/v1', 30_000],
      ['b', 'http://b:1/v1', 30_000],
    ]);
  });

  it('loads the embedded default for the default source', () => {
    const config = loadConfig({ kind: 'default' }, { ANTHROPIC_API_KEY: 'sk-ant' });
    expect(config.auth.mode).toBe('open');
    expect(config.providers.map((provider) => provider.name)).toEqual(['anthropic']);
  });
});

describe('gatehouse.example.yaml', () => {
  it('loads with none of its variables set', () => {
    const config = loadConfig({ kind: 'file', path: EXAMPLE_FILE, from: 'argument' }, {});
    expect(config.server).toEqual({ host: '0.0.0.0', port: 8080, body_limit: 32 * 1024 * 1024, drain_timeout: 10_000, request_timeout: 600_000 });
    expect(config.admin.api_key).toBeUndefined();
    expect(config.storage).toEqual({ database: 'sqlite:./data/gatehouse.db', usage_records: true });
    expect(config.auth.mode).toBe('keys');
    expect(config.providers.map((provider) => [provider.name, provider.type, provider.base_url])).toEqual([
      ['anthropic', 'anthropic', 'https://api.anthropic.com'],
      ['local-vllm', 'openai', 'http://localhost:8000/v1'],
      ['local-vllm-2', 'openai', 'http://localhost:8001/v1'],
    ]);
    expect(config.models.map((model) => model.name)).toEqual(['claude-sonnet-4-5', 'qwen']);
    expect(config.routing.decisions.map((decision) => decision.name)).toEqual(['complex', 'research-team']);
    expect(config.telemetry.otlp_endpoint).toBeUndefined();
  });

  it('takes its values from the environment when set', () => {
    const config = loadConfig(
      { kind: 'file', path: EXAMPLE_FILE, from: 'argument' },
      {
        PORT: '9000',
        GATEHOUSE_ADMIN_KEY: 'admin-secret-key',
        REDIS_URL: 'redis://127.0.0.1:6379',
        TEAM_A_KEY: 'team-a-secret-key',
        TEAM_A_RPM: '30',
        ANTHROPIC_API_KEY: 'sk-ant-1',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
      },
    );
    expect(config.server.port).toBe(9000);
    expect(config.admin.api_key).toBe('admin-secret-key');
    expect(config.storage.redis).toBe('redis://127.0.0.1:6379');
    expect(config.keys[0]).toMatchObject({ key: 'team-a-secret-key', limits: { rpm: 30, tpm: 200_000, concurrent: 20 } });
    expect(config.providers[0]!.api_key).toBe('sk-ant-1');
    expect(config.telemetry.otlp_endpoint).toBe('http://localhost:4318');
  });
});
