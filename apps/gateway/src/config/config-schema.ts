import { z } from 'zod';
import {
  anyNumber,
  booleanField,
  byteSizeField,
  durationField,
  fractionField,
  headerRecordField,
  httpUrlField,
  integerField,
  nonEmptyString,
  nonNegativeNumber,
  positiveNumber,
  strictSection,
} from './config-fields';
import { checkConfigReferences } from './config-references';
import { pruneBlankValues } from './prune-blank-values';
import { routingConditionSchema } from './routing-condition-schema';

// The whole gatehouse.yaml. Keys stay snake_case so the parsed object mirrors the file; durations come out as
// milliseconds and sizes as bytes. Every object is strict: a misspelt key is an error, never silently ignored.

const MiB = 1024 * 1024;
const PROVIDER_NAME = /^[a-z0-9][a-z0-9._-]*$/i;
const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

const serverSchema = strictSection({
  host: nonEmptyString.default('0.0.0.0'),
  /** 0 binds a free port (tests). */
  port: integerField(0, 65_535).default(8080),
  body_limit: byteSizeField.default(32 * MiB),
  drain_timeout: durationField.default(10_000),
  /** Overall deadline of one proxied request; 0 means none. */
  request_timeout: durationField.default(600_000),
});

const adminSchema = strictSection({
  api_key: z.string().optional(),
});

const databaseUrlField = z.string().superRefine((url, context) => {
  if (url.startsWith('sqlite:')) {
    if (url.length === 'sqlite:'.length) {
      context.addIssue({ code: 'custom', message: 'needs a file path, like sqlite:./data/gatehouse.db' });
    }
  } else if (!/^postgres(ql)?:\/\/./.test(url)) {
    // The value is not echoed: it may hold a password.
    context.addIssue({ code: 'custom', message: 'must start with sqlite: or postgres:// (or postgresql://)' });
  }
});

const redisUrlField = z.string().superRefine((url, context) => {
  let valid = /^rediss?:\/\//.test(url);
  try {
    new URL(url);
  } catch {
    valid = false;
  }
  if (!valid) context.addIssue({ code: 'custom', message: 'must be a redis:// or rediss:// URL' });
});

const storageSchema = strictSection({
  database: databaseUrlField.default('sqlite:./data/gatehouse.db'),
  redis: redisUrlField.optional(),
  /** One row per /v1 request (analytics, the request log, budgets after a restart); false records nothing. */
  usage_records: booleanField.default(true),
});

const authSchema = strictSection({
  mode: z
    .enum(['keys', 'open'], { error: (issue) => `must be keys or open, not ${JSON.stringify(issue.input)}` })
    .default('keys'),
});

const keyLimitsSchema = strictSection({
  rpm: integerField(1).optional(),
  tpm: integerField(1).optional(),
  concurrent: integerField(1).optional(),
});

const budgetSchema = strictSection({
  tokens: integerField(1).optional(),
  cost_usd: positiveNumber.optional(),
  period: z.enum(['day', 'month'], { error: () => 'must be day or month' }).default('month'),
}).refine((budget) => budget.tokens !== undefined || budget.cost_usd !== undefined, 'set tokens, cost_usd or both');

const keySchema = strictSection({
  name: nonEmptyString,
  key: z.string().min(8, 'must be at least 8 characters'),
  team: nonEmptyString.optional(),
  /** Allow-list of model names; absent means every model. */
  models: z.array(nonEmptyString).optional(),
  limits: keyLimitsSchema.optional(),
  budget: budgetSchema.optional(),
});

const retryOnSchema = z.enum(['connection', 'timeout', '429', '5xx'], {
  error: (issue) => `unknown retry condition ${JSON.stringify(issue.input)} (expected connection, timeout, 429 or 5xx)`,
});

const retriesSchema = strictSection({
  max: integerField(0, 10).default(1),
  // YAML reads a bare 429 as a number; the condition names are strings.
  on: z
    .array(z.preprocess((value) => (typeof value === 'number' ? String(value) : value), retryOnSchema))
    .default(['connection']),
  backoff_ms: integerField(0).default(200),
});

const providerSchema = strictSection({
  name: z.string().regex(PROVIDER_NAME, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit'),
  type: z.enum(['anthropic', 'openai'], {
    error: (issue) =>
      issue.input === undefined
        ? 'required: anthropic or openai'
        : `unknown provider type ${JSON.stringify(String(issue.input))} (expected anthropic or openai)`,
  }),
  base_url: httpUrlField.optional(),
  api_key: z.string().optional(),
  timeout: durationField.default(300_000),
  connect_timeout: durationField.default(10_000),
  max_connections: integerField(1).default(128),
  /** Extra headers sent upstream on every request. */
  headers: headerRecordField.optional(),
  /** openai only: the server speaks /v1/responses natively, so Responses calls pass through. */
  responses_api: booleanField.optional(),
  retries: retriesSchema.prefault({}),
  /** Background reachability checks; an upstream failing them is skipped by routing until it answers again. */
  health_check: strictSection({
    interval: durationField,
    timeout: durationField.default(5_000),
  }).optional(),
})
  .superRefine((provider, context) => {
    if (provider.type === 'openai' && provider.base_url === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['base_url'],
        message: 'required for openai providers (the server URL, usually ending in /v1)',
      });
    }
    if (provider.type !== 'openai' && provider.responses_api !== undefined) {
      context.addIssue({ code: 'custom', path: ['responses_api'], message: 'only applies to openai providers' });
    }
  })
  .transform(({ base_url, responses_api, ...provider }) => ({
    ...provider,
    base_url: base_url ?? ANTHROPIC_BASE_URL,
    responses_api: responses_api ?? false,
  }));

const pricingSchema = strictSection({
  input_per_mtok: nonNegativeNumber,
  output_per_mtok: nonNegativeNumber,
  cache_read_per_mtok: nonNegativeNumber.optional(),
  cache_write_per_mtok: nonNegativeNumber.optional(),
});

const targetSchema = strictSection({
  provider: nonEmptyString,
  /** Upstream model id; defaults to the model name. */
  model: nonEmptyString.optional(),
  weight: positiveNumber.default(1),
});

const modelSchema = strictSection({
  name: z.string().regex(/^\S+$/, 'must be a non-empty name without spaces'),
  targets: z.array(targetSchema).min(1, 'needs at least one target'),
  /** Other model names, tried in order when every target fails with a retryable error. */
  fallbacks: z.array(nonEmptyString).optional(),
  max_tokens_default: integerField(1).optional(),
  vision: booleanField.optional(),
  pricing: pricingSchema.optional(),
  /** Gateway limits for this model over all keys together. */
  limits: keyLimitsSchema.optional(),
}).transform((model) => ({
  ...model,
  targets: model.targets.map((target) => ({ ...target, model: target.model ?? model.name })),
}));

const decisionSchema = strictSection({
  name: nonEmptyString,
  priority: anyNumber.default(0),
  when: routingConditionSchema,
  model: nonEmptyString,
});

const routingSchema = strictSection({
  /** Where model "auto" goes when no decision matches. */
  default_model: nonEmptyString.optional(),
  decisions: z.array(decisionSchema).default([]),
});

const classifierSchema = strictSection({
  embeddings: strictSection({
    base_url: httpUrlField,
    api_key: z.string().optional(),
    model: nonEmptyString,
    /** Example prompts per domain, compared with the request by embedding similarity. */
    examples: z.record(nonEmptyString, z.array(nonEmptyString).min(1)).optional(),
    /** Below this cosine similarity to the closest example, the domain is `other`. Default 0.3. */
    min_similarity: z.preprocess((value) => (typeof value === 'string' ? Number(value) : value), z.number().min(-1).max(1)).optional(),
    /** How long one embeddings call may take before the lexical classifier answers instead. Default 2s. */
    timeout: durationField.optional(),
  }).optional(),
});

const limitsSchema = strictSection({
  /** What rate limits do while Redis is unreachable: let requests through, or refuse them. */
  on_redis_error: z.enum(['open', 'closed'], { error: () => 'must be open or closed' }).default('open'),
});

const teamSchema = strictSection({
  name: nonEmptyString,
  /** Gateway limits for all the team's keys together. */
  limits: keyLimitsSchema.optional(),
});

const teamsSchema = z.array(teamSchema).superRefine((teams, context) => {
  const seen = new Map<string, number>();
  teams.forEach((team, index) => {
    const first = seen.get(team.name);
    if (first === undefined) seen.set(team.name, index);
    else context.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate name "${team.name}", already used by teams[${first}]` });
  });
});

const circuitBreakerSchema = strictSection({
  enabled: booleanField.default(true),
  /** Consecutive failures of a target that open its circuit. */
  failures: integerField(1).default(5),
  /** Share of failed requests over the window that opens the circuit, 0..1. */
  error_rate: z.preprocess((value) => (typeof value === 'string' ? Number(value) : value), z.number().gt(0).max(1)).default(0.5),
  /** Requests the window must hold before error_rate counts. */
  min_requests: integerField(1).default(20),
  window: durationField.default(60_000),
  /** How long an open circuit skips its target before one probe request is let through. */
  cooldown: durationField.default(30_000),
});

const responsesSchema = strictSection({
  ttl: durationField.default(86_400_000),
  max_items: integerField(1).default(10_000),
});

const telemetrySchema = strictSection({
  otlp_endpoint: httpUrlField.optional(),
  service_name: nonEmptyString.default('gatehouse'),
  /** Put prompts and completions on spans; off by default as they may hold personal data. */
  capture_content: booleanField.default(false),
  /**
   * The share of new traces recorded (0–1); a request that arrives with a trace context follows its caller's decision.
   * Unset: the OTEL_TRACES_SAMPLER environment variables decide, and without them every trace is recorded.
   */
  sample_ratio: fractionField.optional(),
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  metrics_token: z.string().optional(),
  /** Prometheus metrics at GET /metrics (and over OTLP with otlp_endpoint); false records none and answers 404 there. */
  metrics: booleanField.default(true),
  access_log: booleanField.default(true),
});

const rootSchema = strictSection({
  server: serverSchema.prefault({}),
  admin: adminSchema.prefault({}),
  storage: storageSchema.prefault({}),
  auth: authSchema.prefault({}),
  keys: z.array(keySchema).default([]),
  providers: z.array(providerSchema).default([]),
  models: z.array(modelSchema).default([]),
  routing: routingSchema.prefault({}),
  classifier: classifierSchema.optional(),
  limits: limitsSchema.prefault({}),
  /** Teams with limits shared by all their keys; a key names its team. */
  teams: teamsSchema.optional(),
  circuit_breaker: circuitBreakerSchema.optional(),
  responses: responsesSchema.prefault({}),
  telemetry: telemetrySchema.prefault({}),
  /** Price overrides by model name or upstream id, in USD per million tokens. */
  pricing: z.record(nonEmptyString, pricingSchema).optional(),
})
  // Runs even when other fields failed, so that every problem is reported in one go.
  .superRefine(checkConfigReferences, { when: () => true });

/**
 * The config file schema. Empty strings and nulls count as absent (an unset `${VAR}` leaves a field blank),
 * so defaults apply and optional fields stay unset.
 */
export const gatehouseConfigSchema = z.preprocess(pruneBlankValues, rootSchema);

export type GatehouseConfig = z.output<typeof gatehouseConfigSchema>;
export type ServerConfig = GatehouseConfig['server'];
export type StorageConfig = GatehouseConfig['storage'];
export type AuthMode = GatehouseConfig['auth']['mode'];
export type KeyConfig = GatehouseConfig['keys'][number];
export type ProviderConfig = GatehouseConfig['providers'][number];
export type ProviderType = ProviderConfig['type'];
export type RetryPolicy = ProviderConfig['retries'];
export type ModelConfig = GatehouseConfig['models'][number];
export type ModelTarget = ModelConfig['targets'][number];
export type ModelPricing = z.output<typeof pricingSchema>;
export type RoutingConfig = GatehouseConfig['routing'];
export type RoutingDecision = RoutingConfig['decisions'][number];
export type ClassifierConfig = NonNullable<GatehouseConfig['classifier']>;
export type TelemetryConfig = GatehouseConfig['telemetry'];
