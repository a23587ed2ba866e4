// What routing and limits add to a request, measured apart from HTTP: `npx vitest bench apps/gateway/src/routing`.
// The budget: under 0.3 ms at the median with the in-memory limiter, under 1 ms with a local Redis.
import { Redis } from 'ioredis';
import { afterAll, bench, describe } from 'vitest';
import { validateConfig } from '../config';
import { MemoryRateLimiter } from '../limits/memory-rate-limiter';
import { RateLimitCheck } from '../limits/rate-limit.check';
import { TEST_REDIS_URL } from '../limits/redis-for-tests';
import { RedisRateLimiter } from '../limits/redis-rate-limiter';
import { type RequestOutcome } from '../observability/request-outcome';
import { AdmissionChecks } from '../proxy/admission-checks';
import { InboundRequest } from '../proxy/inbound-request';
import { ConfiguredProviders } from '../providers/configured-providers';
import { RedisConnection } from '../redis/redis-connection';
import { BreakerRegistry } from './breaker-registry';
import { EmbeddingsDomainClassifier } from './embeddings-domain-classifier';
import { ModelRouter } from './model-router';
import { ProviderHealth } from './provider-health';

const config = validateConfig({
  providers: [
    { name: 'anthropic', type: 'anthropic', base_url: 'http://127.0.0.1:9' },
    { name: 'vllm-1', type: 'openai', base_url: 'http://127.0.0.1:9/v1' },
    { name: 'vllm-2', type: 'openai', base_url: 'http://127.0.0.1:9/v1' },
  ],
  models: [
    { name: 'claude', targets: [{ provider: 'anthropic', model: 'claude-sonnet-4-5' }], fallbacks: ['qwen'], limits: { rpm: 1e9, concurrent: 1e6 } },
    { name: 'qwen', targets: [{ provider: 'vllm-1', model: 'Qwen', weight: 3 }, { provider: 'vllm-2', model: 'Qwen', weight: 1 }], limits: { rpm: 1e9, concurrent: 1e6 } },
    { name: 'vision', targets: [{ provider: 'anthropic', model: 'claude-vision' }] },
  ],
  teams: [{ name: 'research', limits: { rpm: 1e9, tpm: 1e12 } }],
  routing: {
    default_model: 'qwen',
    decisions: [
      { name: 'images', priority: 100, when: { has_images: true }, model: 'vision' },
      { name: 'complex', priority: 50, when: { any: [{ domain: ['math', 'physics'] }, { keywords: ['proof', 'theorem', 'derive'] }, { regex: 'step[- ]by[- ]step' }] }, model: 'claude' },
      { name: 'long', priority: 20, when: { prompt_tokens: { above: 8000 } }, model: 'claude' },
      { name: 'research', priority: 10, when: { all: [{ team: 'research' }, { header: { name: 'x-tier', value: 'premium' } }] }, model: 'claude' },
    ],
  },
});

const router = new ModelRouter(
  config,
  new BreakerRegistry(config, new RedisConnection(config)),
  new ProviderHealth(config, new ConfiguredProviders(config)),
  new EmbeddingsDomainClassifier(config),
);
const principal = { keyId: 'k1', keyName: 'team-a', team: 'research', limits: { rpm: 1e9, tpm: 1e12, concurrent: 1e6 }, source: 'config' as const };
const prompt = 'Can you explain, in a few sentences, why the sky looks blue during the day but red at sunset? Keep it short and simple please.';
const outcome = { usage: { inputTokens: 40, outputTokens: 60, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } } as RequestOutcome;
const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true });
const memoryLimits = new RateLimitCheck(config, new MemoryRateLimiter(), new AdmissionChecks());
const redisLimits = new RateLimitCheck(config, new RedisRateLimiter(redis, `gatehouse:rl:bench-${Date.now()}:`), new AdmissionChecks());
let sequence = 0;

async function routeAndLimit(limits: RateLimitCheck): Promise<void> {
  // A fresh body each time, as each request parses its own.
  const json = { model: 'auto', max_tokens: 256, messages: [{ role: 'system', content: 'You are helpful.' }, { role: 'user', content: `${prompt} ${sequence++}` }] };
  const plan = await router.plan({ inbound: { outline: json, model: 'auto' }, dialect: 'openai-chat', principal, headers: { 'x-tier': 'free' } });
  const admission = await limits.admit({
    principal,
    endpoint: 'openai-chat',
    requestedModel: 'auto',
    routedModel: plan.route.name,
    inbound: new InboundRequest(Buffer.from(JSON.stringify(json)), json),
    headers: {},
  });
  admission?.settle?.(outcome);
}

afterAll(() => redis.disconnect());

describe('routing decision + limit check', () => {
  bench('in-memory limiter (7 limits: key rpm/tpm/concurrent, team rpm/tpm, model rpm/concurrent)', () => routeAndLimit(memoryLimits));
  bench('Redis limiter (one script call per check, one per settle)', () => routeAndLimit(redisLimits), {
    setup: async () => {
      if (redis.status === 'wait') await redis.connect();
    },
  });
});
