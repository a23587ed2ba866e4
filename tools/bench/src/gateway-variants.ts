import { stringify } from 'yaml';

/** The features a user switches on, each one a few lines of gatehouse.yaml. */
export type Feature = 'auth' | 'memory-limits' | 'redis-limits' | 'usage' | 'metrics' | 'tracing' | 'access-log';

export const FEATURE_LABEL: Record<Feature, string> = {
  auth: 'auth (cached key)',
  'memory-limits': 'rate limits, in memory',
  'redis-limits': 'rate limits, Redis',
  usage: 'usage recording',
  metrics: 'metrics',
  tracing: 'tracing (OTLP)',
  'access-log': 'access log',
};

export interface GatewayVariant {
  id: string;
  label: string;
  features: readonly Feature[];
  /** telemetry.sample_ratio, for a tracing variant that records only part of the traces. */
  traceSampleRatio?: number;
}

/** As a user runs it (the targets): auth with a cached key, in-memory limits, usage recording, metrics. */
const FULL: readonly Feature[] = ['auth', 'memory-limits', 'usage', 'metrics', 'access-log'];
const without = (feature: Feature) => FULL.filter((each) => each !== feature);

export const FULL_VARIANT: GatewayVariant = { id: 'full', label: 'full (as a user runs it)', features: FULL };

/** The headline variant first; then each feature switched off (or swapped) on its own, then everything off. */
export const GATEWAY_VARIANTS: readonly GatewayVariant[] = [
  FULL_VARIANT,
  { id: 'full-redis-limits', label: 'full, limits in Redis', features: [...without('memory-limits'), 'redis-limits'] },
  { id: 'full-tracing', label: 'full + tracing', features: [...FULL, 'tracing'] },
  { id: 'full-tracing-sampled', label: 'full + tracing, 10% of traces recorded', features: [...FULL, 'tracing'], traceSampleRatio: 0.1 },
  // Limits are per key: with auth open there is no key, so this variant also runs without limits.
  { id: 'no-auth', label: 'full − auth (and so − per-key limits)', features: without('auth') },
  { id: 'no-limits', label: 'full − limits', features: without('memory-limits') },
  { id: 'no-usage', label: 'full − usage recording', features: without('usage') },
  { id: 'no-metrics', label: 'full − metrics (so no telemetry: tracing is off in full too)', features: without('metrics') },
  { id: 'no-access-log', label: 'full − access log', features: without('access-log') },
  { id: 'bare', label: 'bare (everything off)', features: [] },
];

export const BENCH_KEY = 'gk_bench_0123456789abcdef';
const GENEROUS_LIMITS = { rpm: 100_000_000, tpm: 10_000_000_000, concurrent: 100_000 };

export interface VariantContext {
  emulatorUrl: string;
  otlpUrl: string;
  redisUrl: string;
  /** Where the variant's SQLite file goes. */
  dataDir: string;
}

interface BenchConfig {
  server: Record<string, unknown>;
  storage: Record<string, unknown>;
  auth: Record<string, unknown>;
  keys: Record<string, unknown>[];
  telemetry: Record<string, unknown>;
  [section: string]: unknown;
}

/** How each feature is switched on and off in gatehouse.yaml. A key the gateway's schema lacks makes it refuse the file: the benchmark then reports that variant as not available instead of failing. */
const TOGGLES: Record<Feature, (config: BenchConfig, on: boolean, context: VariantContext) => void> = {
  auth: (config, on) => {
    config.auth['mode'] = on ? 'keys' : 'open';
  },
  'memory-limits': (config, on) => {
    if (on) config.keys[0]!['limits'] = GENEROUS_LIMITS;
  },
  'redis-limits': (config, on, context) => {
    if (!on) return;
    config.storage['redis'] = context.redisUrl;
    config.keys[0]!['limits'] = GENEROUS_LIMITS;
  },
  usage: (config, on) => {
    if (!on) config.storage['usage_records'] = false;
  },
  metrics: (config, on) => {
    if (!on) config.telemetry['metrics'] = false;
  },
  tracing: (config, on, context) => {
    if (on) config.telemetry['otlp_endpoint'] = context.otlpUrl;
  },
  'access-log': (config, on) => {
    config.telemetry['access_log'] = on;
  },
};

/** The gatehouse.yaml of a variant: two emulated providers, one model for each, and the variant's features. */
export function variantConfigYaml(variant: GatewayVariant, context: VariantContext): string {
  const config: BenchConfig = {
    server: { host: '127.0.0.1', port: 0, drain_timeout: '2s' },
    storage: { database: `sqlite:${context.dataDir}/${variant.id}.db` },
    auth: {},
    keys: [{ name: 'bench', key: BENCH_KEY }],
    providers: [
      { name: 'emulated-openai', type: 'openai', base_url: `${context.emulatorUrl}/v1`, api_key: 'bench-upstream-openai' },
      { name: 'emulated-anthropic', type: 'anthropic', base_url: context.emulatorUrl, api_key: 'bench-upstream-anthropic' },
    ],
    models: [
      { name: 'bench-openai', targets: [{ provider: 'emulated-openai', model: 'emulator-fast' }] },
      { name: 'bench-anthropic', targets: [{ provider: 'emulated-anthropic', model: 'emulator-fast' }] },
    ],
    telemetry: {},
  };
  for (const feature of Object.keys(TOGGLES) as Feature[]) TOGGLES[feature](config, variant.features.includes(feature), context);
  if (variant.traceSampleRatio !== undefined) config.telemetry['sample_ratio'] = variant.traceSampleRatio;
  return `# Written by the benchmark (tools/bench) for the variant "${variant.label}".\n${stringify(config)}`;
}

/** Issue 7's condition compares these two: telemetry (tracing and metrics) on, and both off. */
export const TELEMETRY_ON = 'full-tracing';
export const TELEMETRY_OFF = 'no-metrics';
/** The telemetry section runs the steps between them too: metrics alone, and tracing that records a tenth of the traces. */
export const TELEMETRY_STEPS: readonly string[] = [TELEMETRY_OFF, FULL_VARIANT.id, 'full-tracing-sampled', TELEMETRY_ON];
