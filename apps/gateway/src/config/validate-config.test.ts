import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { validateConfig } from './validate-config';

function baseConfig(): Record<string, any> {
  return {
    providers: [
      { name: 'anthropic', type: 'anthropic', api_key: 'sk-ant-123' },
      { name: 'local-vllm', type: 'openai', base_url: 'http://localhost:8000/v1/' },
    ],
    models: [
      { name: 'claude-sonnet-4-5', targets: [{ provider: 'anthropic', model: 'claude-sonnet-4-5-20250929' }], fallbacks: ['qwen'] },
      { name: 'qwen', targets: [{ provider: 'local-vllm', model: 'Qwen/Qwen2.5-7B-Instruct', weight: 3 }] },
    ],
  };
}

/** The error lines validateConfig reports for a config, or [] when it is valid. */
function errorLines(input: unknown): string[] {
  try {
    validateConfig(input);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message.split('\n');
  }
}

describe('validateConfig: defaults', () => {
  it('fills every default for an empty config', () => {
    expect(validateConfig({})).toEqual({
      server: { host: '0.0.0.0', port: 8080, body_limit: 32 * 1024 * 1024, drain_timeout: 10_000, request_timeout: 600_000 },
      admin: {},
      storage: { database: 'sqlite:./data/gatehouse.db', usage_records: true },
      auth: { mode: 'keys' },
      keys: [],
      providers: [],
      models: [],
      routing: { decisions: [] },
      limits: { on_redis_error: 'open' },
      responses: { ttl: 86_400_000, max_items: 10_000 },
      telemetry: { service_name: 'gatehouse', capture_content: false, metrics: true, access_log: true },
    });
  });

  it('fills provider defaults by type and strips trailing slashes from base_url', () => {
    const config = validateConfig(baseConfig());
    expect(config.providers[0]).toEqual({
      name: 'anthropic',
      type: 'anthropic',
      base_url: 'https://api.anthropic.com',
      api_key: 'sk-ant-123',
      timeout: 300_000,
      connect_timeout: 10_000,
      max_connections: 128,
      responses_api: false,
      retries: { max: 1, on: ['connection'], backoff_ms: 200 },
    });
    expect(config.providers[1]!.base_url).toBe('http://localhost:8000/v1');
  });

  it('fills a target model with the model name and the weight with 1', () => {
    const input = baseConfig();
    input.models[1].targets = [{ provider: 'local-vllm' }];
    expect(validateConfig(input).models[1]!.targets).toEqual([{ provider: 'local-vllm', model: 'qwen', weight: 1 }]);
  });

  it('treats empty strings and nulls as unset, so defaults apply', () => {
    const config = validateConfig({ server: { port: '', host: null }, admin: { api_key: '' }, storage: { redis: '' }, keys: null });
    expect(config.server.port).toBe(8080);
    expect(config.server.host).toBe('0.0.0.0');
    expect(config.admin.api_key).toBeUndefined();
    expect(config.storage.redis).toBeUndefined();
    expect(config.keys).toEqual([]);
  });

  it('reads numbers and booleans given as strings, as ${VAR} expansion produces them', () => {
    const config = validateConfig({ server: { port: '9090' }, telemetry: { capture_content: 'true', access_log: 'FALSE' } });
    expect(config.server.port).toBe(9090);
    expect(config.telemetry.capture_content).toBe(true);
    expect(config.telemetry.access_log).toBe(false);
  });

  it('accepts port 0 for a free port', () => {
    expect(validateConfig({ server: { port: 0 } }).server.port).toBe(0);
  });

  it('reads a bare 429 in retries.on as the condition name', () => {
    const input = baseConfig();
    input.providers[0].retries = { on: [429, '5xx', 'timeout'], max: 2 };
    expect(validateConfig(input).providers[0]!.retries).toEqual({ max: 2, on: ['429', '5xx', 'timeout'], backoff_ms: 200 });
  });
});

describe('validateConfig: durations and sizes', () => {
  it.each([
    ['300s', 300_000],
    ['1.5s', 1_500],
    ['250ms', 250],
    ['5m', 300_000],
    ['24h', 86_400_000],
    ['2d', 172_800_000],
    [1234, 1234],
    ['1234', 1234],
    ['0', 0],
  ])('duration %j is %d ms', (input, expected) => {
    expect(validateConfig({ server: { drain_timeout: input } }).server.drain_timeout).toBe(expected);
  });

  it.each(['5 minutes', '-1s', '1w', 'soon', true, -5])('rejects duration %j with its path', (input) => {
    const lines = errorLines({ server: { drain_timeout: input } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^server\.drain_timeout: invalid duration .*like 300s$/);
  });

  it.each([
    ['32mb', 32 * 1024 * 1024],
    ['512kb', 512 * 1024],
    ['1gb', 1024 ** 3],
    ['1.5MB', 1.5 * 1024 * 1024],
    ['100b', 100],
    [4096, 4096],
  ])('size %j is %d bytes', (input, expected) => {
    expect(validateConfig({ server: { body_limit: input } }).server.body_limit).toBe(expected);
  });

  it.each(['32 megabytes', '1tb', 'big', -1])('rejects size %j with its path', (input) => {
    expect(errorLines({ server: { body_limit: input } })).toEqual([
      `server.body_limit: invalid size ${JSON.stringify(input)}: use bytes or a number with b, kb, mb or gb, like 32mb`,
    ]);
  });
});

describe('validateConfig: errors name the path of each bad field', () => {
  it('reports a target with an unknown provider, with a suggestion', () => {
    const input = baseConfig();
    input.models.push({ name: 'third', targets: [{ provider: 'antropic' }] });
    expect(errorLines(input)).toEqual(['models[2].targets[0].provider: unknown provider "antropic" (did you mean "anthropic"?)']);
  });

  it('reports an unknown provider type', () => {
    const input = baseConfig();
    input.providers[1].type = 'vllm';
    expect(errorLines(input)).toEqual(['providers[1].type: unknown provider type "vllm" (expected anthropic or openai)']);
  });

  it('requires base_url for openai providers, and keeps responses_api to them', () => {
    const input = baseConfig();
    delete input.providers[1].base_url;
    input.providers[0].responses_api = true;
    expect(errorLines(input)).toEqual([
      'providers[0].responses_api: only applies to openai providers',
      'providers[1].base_url: required for openai providers (the server URL, usually ending in /v1)',
    ]);
  });

  it('rejects a base_url that is not an http(s) URL', () => {
    const input = baseConfig();
    input.providers[1].base_url = 'localhost:8000';
    input.providers[0].base_url = 'ftp://example.com';
    expect(errorLines(input)).toEqual([
      'providers[0].base_url: must be an http:// or https:// URL, not ftp://',
      'providers[1].base_url: must be an http:// or https:// URL, not localhost://',
    ]);
    input.providers[1].base_url = 'not a url';
    expect(errorLines(input)[1]).toBe('providers[1].base_url: must be a URL, like https://api.example.com/v1');
  });

  it('rejects a provider name with characters outside the allowed set', () => {
    const input = baseConfig();
    input.providers[1].name = 'local vllm';
    input.models[1].targets[0].provider = 'local vllm';
    expect(errorLines(input)).toEqual(['providers[1].name: must be letters, digits, ".", "_" or "-", starting with a letter or digit']);
  });

  it('reports duplicate names of providers, models and keys', () => {
    const input = baseConfig();
    input.providers.push({ name: 'anthropic', type: 'anthropic' });
    input.models.push({ name: 'qwen', targets: [{ provider: 'local-vllm' }] });
    input.keys = [
      { name: 'team-a', key: 'secret-key-1' },
      { name: 'team-a', key: 'secret-key-2' },
    ];
    expect(errorLines(input)).toEqual([
      'providers[2].name: duplicate name "anthropic", already used by providers[0]',
      'models[2].name: duplicate name "qwen", already used by models[1]',
      'keys[1].name: duplicate name "team-a", already used by keys[0]',
    ]);
  });

  it('reports two keys with the same secret without echoing it', () => {
    const input = { ...baseConfig(), keys: [{ name: 'a', key: 'same-secret-1' }, { name: 'b', key: 'same-secret-1' }] };
    const lines = errorLines(input);
    expect(lines).toEqual(['keys[1].key: duplicate key, already used by keys[0]']);
  });

  it('reports missing required fields as required', () => {
    expect(
      errorLines({ providers: [{ type: 'anthropic' }, { name: 'x' }], models: [{ name: 'm' }], keys: [{ name: 'k' }] }),
    ).toEqual([
      'keys[0].key: required',
      'providers[0].name: required',
      'providers[1].type: required: anthropic or openai',
      'models[0].targets: required',
    ]);
  });

  it('reports an unknown key at the top level and in sections, suggesting the likely spelling', () => {
    const input: Record<string, any> = { ...baseConfig(), servr: { port: 1 }, telemetry: { otlp_endpont: 'http://x' } };
    input.providers[0].time_out = '10s';
    expect(errorLines(input)).toEqual([
      'providers[0].time_out: unknown key (did you mean "timeout"?)',
      'telemetry.otlp_endpont: unknown key (did you mean "otlp_endpoint"?)',
      'servr: unknown key (did you mean "server"?)',
    ]);
  });

  it('lists the known keys when nothing is close, and several unknown keys in one line', () => {
    expect(errorLines({ limits: { zzzzzzzzz: 1 } })).toEqual(['limits.zzzzzzzzz: unknown key (expected one of: on_redis_error)']);
    expect(errorLines({ server: { prot: 1, hots: 'x' } })).toEqual([
      'server: unknown keys "prot" (did you mean "port"?), "hots" (did you mean "host"?)',
    ]);
  });

  it('reports a fallback that names no model, or the model itself', () => {
    const input = baseConfig();
    input.models[0].fallbacks = ['qwenn', 'claude-sonnet-4-5'];
    expect(errorLines(input)).toEqual([
      'models[0].fallbacks[0]: unknown model "qwenn" (did you mean "qwen"?)',
      'models[0].fallbacks[1]: a model cannot fall back to itself',
    ]);
  });

  it('reports a default_model and a decision model that name no model', () => {
    const input = {
      ...baseConfig(),
      routing: { default_model: 'gpt-9', decisions: [{ name: 'd', when: { has_images: true }, model: 'claude-sonet-4-5' }] },
    };
    expect(errorLines(input)).toEqual([
      'routing.default_model: unknown model "gpt-9"',
      'routing.decisions[0].model: unknown model "claude-sonet-4-5" (did you mean "claude-sonnet-4-5"?)',
    ]);
  });

  it('reports an allow-list entry that names no model, but accepts "auto"', () => {
    const input = { ...baseConfig(), keys: [{ name: 'a', key: 'a-long-key', models: ['qwen', 'auto', 'llama'] }] };
    expect(errorLines(input)).toEqual(['keys[0].models[2]: unknown model "llama"']);
  });

  it('reserves the model name auto', () => {
    const input = baseConfig();
    input.models.push({ name: 'auto', targets: [{ provider: 'anthropic' }] });
    expect(errorLines(input)).toEqual(['models[2].name: "auto" is reserved: it asks for routing by routing.decisions']);
  });

  it('reports field errors and cross-reference errors in one go', () => {
    const input = baseConfig();
    input.server = { port: 70_000 };
    input.models[0].targets[0].provider = 'nope';
    expect(errorLines(input)).toEqual([
      'server.port: Too big: expected number to be <=65535',
      'models[0].targets[0].provider: unknown provider "nope"',
    ]);
  });

  it('checks keys: secret length, budget', () => {
    expect(
      errorLines({ keys: [{ name: 'a', key: 'short', budget: { period: 'week' } }, { name: 'b', key: 'long-enough', budget: {} }] }),
    ).toEqual([
      'keys[0].key: must be at least 8 characters',
      'keys[0].budget.period: must be day or month',
      'keys[1].budget: set tokens, cost_usd or both',
    ]);
    const config = validateConfig({ keys: [{ name: 'a', key: 'long-enough', budget: { cost_usd: '12.5' }, limits: { rpm: '60' } }] });
    expect(config.keys[0]).toEqual({ name: 'a', key: 'long-enough', budget: { cost_usd: 12.5, period: 'month' }, limits: { rpm: 60 } });
  });

  it('checks storage URLs without echoing them', () => {
    expect(errorLines({ storage: { database: 'mysql://u:hunter2@h/db', redis: 'http://u:hunter2@h' } })).toEqual([
      'storage.database: must start with sqlite: or postgres:// (or postgresql://)',
      'storage.redis: must be a redis:// or rediss:// URL',
    ]);
    expect(errorLines({ storage: { database: 'sqlite:' } })).toEqual(['storage.database: needs a file path, like sqlite:./data/gatehouse.db']);
    const storage = validateConfig({ storage: { database: 'postgresql://u:p@db:5432/gh', redis: 'rediss://:p@cache:6380/0' } }).storage;
    expect(storage).toEqual({ database: 'postgresql://u:p@db:5432/gh', redis: 'rediss://:p@cache:6380/0', usage_records: true });
  });

  it('takes telemetry.sample_ratio between 0 and 1, also as a string', () => {
    expect(validateConfig({ telemetry: { sample_ratio: '0.25' } }).telemetry.sample_ratio).toBe(0.25);
    expect(errorLines({ telemetry: { sample_ratio: 1.5 } })).toEqual(['telemetry.sample_ratio: must be between 0 and 1']);
    expect(errorLines({ telemetry: { sample_ratio: -0.1 } })).toEqual(['telemetry.sample_ratio: must be between 0 and 1']);
  });

  it('rejects an unknown auth mode and a header name with spaces', () => {
    const input: Record<string, any> = { ...baseConfig(), auth: { mode: 'none' } };
    input.providers[0].headers = { 'x team': 'a' };
    expect(errorLines(input)).toEqual([
      'auth.mode: must be keys or open, not "none"',
      'providers[0].headers["x team"]: must be an HTTP header name (letters, digits, -)',
    ]);
  });

  it('rejects a document that is not a mapping', () => {
    expect(errorLines(['a'])).toEqual(['Invalid input: expected object, received array']);
  });
});

describe('validateConfig: routing conditions', () => {
  const withDecision = (when: unknown) => ({ ...baseConfig(), routing: { decisions: [{ name: 'd', when, model: 'qwen' }] } });

  it('parses nested conditions and turns single names into lists', () => {
    const when = {
      any: [
        { domain: 'math' },
        { keywords: ['proof', 'theorem'] },
        { not: { has_images: false } },
        { all: [{ prompt_tokens: { above: 1000, below: '9000' } }, { dialect: 'anthropic-messages' }] },
        { header: { name: 'x-tier', value: 'gold' } },
        { header: { name: 'x-debug', regex: '^1$' } },
        { regex: '\\bprove\\b' },
        { key: 'team-a' },
        { team: ['research', 'ops'] },
      ],
    };
    const decision = validateConfig(withDecision(when)).routing.decisions[0];
    expect(decision).toEqual({
      name: 'd',
      priority: 0,
      model: 'qwen',
      when: {
        any: [
          { domain: ['math'] },
          { keywords: ['proof', 'theorem'] },
          { not: { has_images: false } },
          { all: [{ prompt_tokens: { above: 1000, below: 9000 } }, { dialect: 'anthropic-messages' }] },
          { header: { name: 'x-tier', value: 'gold' } },
          { header: { name: 'x-debug', regex: '^1$' } },
          { regex: '\\bprove\\b' },
          { key: ['team-a'] },
          { team: ['research', 'ops'] },
        ],
      },
    });
  });

  it('reports a regular expression that does not compile, at any depth', () => {
    const lines = errorLines(withDecision({ all: [{ regex: '(unclosed' }, { header: { name: 'x', regex: '[z-a]' } }] }));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^routing\.decisions\[0\]\.when\.all\[0\]\.regex: invalid regular expression: .*/);
    expect(lines[1]).toMatch(/^routing\.decisions\[0\]\.when\.all\[1\]\.header\.regex: invalid regular expression: .*/);
  });

  it('requires exactly one key per condition', () => {
    expect(errorLines(withDecision({ domain: 'math', keywords: ['x'] }))).toEqual([
      'routing.decisions[0].when: a condition has exactly one key, found domain and keywords: combine conditions with all: [...] or any: [...]',
    ]);
    expect(errorLines(withDecision({ any: [{}] }))[0]).toMatch(/^routing\.decisions\[0\]\.when\.any\[0\]: a condition needs one of: any, all, not, domain,/);
  });

  it('reports an unknown condition with a suggestion, and bad values inside conditions', () => {
    expect(errorLines(withDecision({ not: { domian: 'math' } }))).toEqual([
      'routing.decisions[0].when.not.domian: unknown condition (did you mean "domain"?)',
    ]);
    expect(errorLines(withDecision({ any: [{ dialect: 'openai' }, { prompt_tokens: {} }, { any: [] }] }))).toEqual([
      'routing.decisions[0].when.any[0].dialect: unknown dialect "openai" (expected openai-chat, openai-responses or anthropic-messages)',
      'routing.decisions[0].when.any[1].prompt_tokens: set above, below or both',
      'routing.decisions[0].when.any[2].any: must list at least one condition',
    ]);
  });

  it('reports a missing condition', () => {
    expect(errorLines({ ...baseConfig(), routing: { decisions: [{ name: 'd', model: 'qwen' }] } })).toEqual([
      'routing.decisions[0].when: required',
    ]);
  });
});

describe('validateConfig: the optional sections', () => {
  it('accepts a classifier and a price table', () => {
    const config = validateConfig({
      classifier: { embeddings: { base_url: 'http://localhost:8000/v1', model: 'bge', examples: { math: ['prove it'] } } },
      pricing: { 'Qwen/Qwen2.5-7B-Instruct': { input_per_mtok: 0.1, output_per_mtok: '0.2' } },
    });
    expect(config.classifier).toEqual({ embeddings: { base_url: 'http://localhost:8000/v1', model: 'bge', examples: { math: ['prove it'] } } });
    expect(config.pricing).toEqual({ 'Qwen/Qwen2.5-7B-Instruct': { input_per_mtok: 0.1, output_per_mtok: 0.2 } });
  });

  it('quotes record keys that are not plain words in paths', () => {
    expect(errorLines({ pricing: { 'Qwen/Qwen2.5-7B': { input_per_mtok: -1, output_per_mtok: 1 } } })).toEqual([
      'pricing["Qwen/Qwen2.5-7B"].input_per_mtok: Too small: expected number to be >=0',
    ]);
  });
});

describe('validateConfig: routing, breaker and limit sections', () => {
  it('accepts teams, model limits, provider health checks, a circuit breaker and embeddings options, with defaults', () => {
    const input = baseConfig();
    input.teams = [{ name: 'research', limits: { rpm: 100, tpm: '50000' } }];
    input.models[1].limits = { rpm: 1000, concurrent: 8 };
    input.providers[1].health_check = { interval: '30s' };
    input.circuit_breaker = { failures: 3, cooldown: '10s' };
    input.classifier = { embeddings: { base_url: 'http://localhost:8000/v1', model: 'bge', min_similarity: '0.4', timeout: '500ms' } };
    const config = validateConfig(input);
    expect(config.teams).toEqual([{ name: 'research', limits: { rpm: 100, tpm: 50_000 } }]);
    expect(config.models[1]!.limits).toEqual({ rpm: 1000, concurrent: 8 });
    expect(config.providers[1]!.health_check).toEqual({ interval: 30_000, timeout: 5_000 });
    expect(config.circuit_breaker).toEqual({ enabled: true, failures: 3, error_rate: 0.5, min_requests: 20, window: 60_000, cooldown: 10_000 });
    expect(config.classifier?.embeddings).toMatchObject({ min_similarity: 0.4, timeout: 500 });
  });

  it('reports duplicate team names and bad limit values', () => {
    const input = baseConfig();
    input.teams = [{ name: 'a' }, { name: 'a', limits: { rpm: 0 } }];
    input.circuit_breaker = { error_rate: 2 };
    expect(errorLines(input)).toEqual([
      'teams[1].limits.rpm: Too small: expected number to be >=1',
      'teams[1].name: duplicate name "a", already used by teams[0]',
      'circuit_breaker.error_rate: Too big: expected number to be <=1',
    ]);
  });
});
