import { type UsageRecordRow } from '../../persistence/entities/usage-record.entity';

const MODELS = [
  ['claude-sonnet-4-5', 'anthropic', 'claude-sonnet-4-5-20250929'],
  ['claude-haiku-4-5', 'anthropic', 'claude-haiku-4-5-20251001'],
  ['claude-opus-4-5', 'anthropic', 'claude-opus-4-5-20251101'],
  ['qwen', 'local-vllm', 'Qwen/Qwen2.5-7B-Instruct'],
  ['qwen-coder', 'local-vllm', 'Qwen/Qwen2.5-Coder-32B'],
  ['gpt-4.1', 'openai', 'gpt-4.1'],
  ['gpt-4.1-mini', 'openai', 'gpt-4.1-mini'],
  ['gpt-4o-mini', 'openai', 'gpt-4o-mini'],
] as const;
const ENDPOINTS = [
  ['openai-chat', 'openai-chat'],
  ['anthropic-messages', 'anthropic-messages'],
  ['openai-responses', 'openai-responses'],
  ['anthropic-count-tokens', 'anthropic-messages'],
] as const;
const KEYS = 50;
const TEAMS = 10;

/** A small deterministic generator, so two runs seed the same rows. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` usage rows spread evenly over the `days` before `now`: 50 keys in 10 teams, 8 models on 3 providers,
 * 4 endpoints, 95% successes, a third streamed; token counts and latencies drawn from wide ranges.
 */
export function* syntheticUsage(count: number, now: number, days: number): Generator<UsageRecordRow> {
  const random = mulberry32(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const span = days * 86_400_000;
  for (let index = 0; index < count; index++) {
    const [model, provider, upstream] = pick(MODELS);
    const [endpoint, dialect] = pick(ENDPOINTS);
    const key = Math.floor(random() * KEYS);
    const roll = random();
    const status = roll < 0.95 ? 200 : roll < 0.98 ? 429 : 502;
    const input = status === 200 ? Math.floor(random() * 8000) + 10 : 0;
    const output = status === 200 ? Math.floor(random() * 2000) + 1 : 0;
    yield {
      started_at: now - Math.floor(random() * span),
      request_id: `bench-${index}`,
      key_id: `key-${key}`,
      key_name: `key ${key}`,
      team: `team-${key % TEAMS}`,
      endpoint,
      client_dialect: dialect,
      requested_model: random() < 0.1 ? 'auto' : model,
      routed_model: model,
      upstream_model: upstream,
      provider,
      decision: null,
      status,
      error_kind: status === 200 ? null : status === 429 ? 'rate_limited' : 'upstream',
      stream: random() < 0.33,
      aborted: false,
      input_tokens: input,
      output_tokens: output,
      cached_tokens: Math.floor(input * random() * 0.5),
      cache_write_tokens: 0,
      reasoning_tokens: 0,
      cost_usd: (input * 3 + output * 15) / 1e6,
      latency_ms: Math.floor(random() * 5000) + 50,
      ttft_ms: Math.floor(random() * 800) + 20,
      attempts: 1,
    };
  }
}
