import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { GatewayError } from '@gatehouse/translate';
import { type GatehouseConfig, validateConfig } from '../config';
import { ConfiguredProviders } from '../providers/configured-providers';
import { RedisConnection } from '../redis/redis-connection';
import { BreakerRegistry } from './breaker-registry';
import { EmbeddingsDomainClassifier } from './embeddings-domain-classifier';
import { ModelRouter, type PlanRequest } from './model-router';
import { ProviderHealth } from './provider-health';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

function fileConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    providers: [
      { name: 'anthropic', type: 'anthropic', base_url: 'http://127.0.0.1:9', retries: { max: 2, on: ['5xx'] } },
      { name: 'vllm-1', type: 'openai', base_url: 'http://127.0.0.1:9/v1' },
      { name: 'vllm-2', type: 'openai', base_url: 'http://127.0.0.1:9/v1' },
    ],
    models: [
      { name: 'claude', targets: [{ provider: 'anthropic', model: 'claude-sonnet-4-5' }], fallbacks: ['qwen'] },
      { name: 'qwen', targets: [{ provider: 'vllm-1', model: 'Qwen', weight: 3 }, { provider: 'vllm-2', model: 'Qwen', weight: 1 }] },
      { name: 'vision', targets: [{ provider: 'anthropic', model: 'claude-vision' }] },
    ],
    routing: {
      default_model: 'qwen',
      decisions: [
        { name: 'images', priority: 100, when: { has_images: true }, model: 'vision' },
        { name: 'complex', priority: 50, when: { any: [{ domain: 'math' }, { keywords: ['proof'] }] }, model: 'claude' },
        { name: 'research', priority: 10, when: { all: [{ team: 'research' }, { header: { name: 'x-tier', value: 'premium' } }] }, model: 'claude' },
      ],
    },
    circuit_breaker: { failures: 1, cooldown: '30s' },
    ...extra,
  };
}

function routerFor(config: GatehouseConfig): { router: ModelRouter; breakers: BreakerRegistry; health: ProviderHealth } {
  const breakers = new BreakerRegistry(config, new RedisConnection(config));
  const health = new ProviderHealth(config, new ConfiguredProviders(config));
  return { router: new ModelRouter(config, breakers, health, new EmbeddingsDomainClassifier(config)), breakers, health };
}

const chat = (content: unknown, model = 'auto', headers: PlanRequest['headers'] = {}, team?: string): PlanRequest => ({
  inbound: { outline: { model, messages: [{ role: 'user', content }] }, model },
  dialect: 'openai-chat',
  headers,
  principal: team ? { keyId: 'k1', keyName: 'team-a', team, source: 'config' } : undefined,
});

describe('ModelRouter.plan', () => {
  const { router } = routerFor(validateConfig(fileConfig()));

  it.each<[string, PlanRequest, string, string]>([
    ['a named model goes where it is named', chat('Prove it', 'qwen'), 'qwen', 'none'],
    ['auto with an image goes to the vision model', chat([{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }]), 'vision', 'images'],
    ['auto with a math prompt goes by domain', chat('Find the eigenvalues of this matrix and its determinant'), 'claude', 'complex'],
    ['auto with a keyword', chat('I need a proof.'), 'claude', 'complex'],
    ['auto by team and header', chat('hello', 'auto', { 'x-tier': 'premium' }, 'research'), 'claude', 'research'],
    ['auto by team without the header falls to the default', chat('hello', 'auto', {}, 'research'), 'qwen', 'default'],
  ])('%s', async (_name, request, model, label) => {
    const plan = await router.plan(request);
    expect(plan.route.name).toBe(model);
    expect(plan.decisionLabel).toBe(label);
    expect(plan.requestedModel).toBe(request.inbound.model);
  });

  it('plans the weighted pick, the other target, then fallbacks, with each provider’s retries', async () => {
    const plan = await router.plan(chat('x', 'claude'));
    expect(plan.attempts.map((attempt) => `${attempt.model}:${attempt.target.provider}`)).toEqual([
      'claude:anthropic',
      expect.stringMatching(/^qwen:vllm-[12]$/),
      expect.stringMatching(/^qwen:vllm-[12]$/),
    ]);
    expect(plan.attempts[0]!.retry).toEqual({ max: 2, on: ['5xx'], backoffMs: 200 });
    expect(plan.attempts[1]!.retry).toEqual({ max: 1, on: ['connection'], backoffMs: 200 });
    expect(plan.attempts.map((attempt) => attempt.fallback)).toEqual([false, true, true]);
  });

  it('answers 404 for an unknown model, and for auto with no match and no default', async () => {
    await expect(router.plan(chat('x', 'nope'))).rejects.toMatchObject({ code: 'not_found', param: 'model' });
    const { router: noDefault } = routerFor(validateConfig(fileConfig({ routing: { decisions: [] } })));
    await expect(noDefault.plan(chat('x'))).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('default_model') });
  });

  it('skips a target with an open circuit, and answers 503 with retry-after when every target is open', async () => {
    const { router: guarded, breakers } = routerFor(validateConfig(fileConfig()));
    const failure = { code: 'upstream', status: 502, retryable: true };
    await breakers.record({ provider: 'anthropic', model: 'claude-sonnet-4-5' }, failure);
    const plan = await guarded.plan(chat('x', 'claude'));
    expect(plan.attempts.map((attempt) => attempt.model)).toEqual(['qwen', 'qwen']);
    expect(plan.skipped).toEqual([{ model: 'claude', target: expect.objectContaining({ provider: 'anthropic' }), reason: 'circuit open' }]);
    await breakers.record({ provider: 'vllm-1', model: 'Qwen' }, failure);
    await breakers.record({ provider: 'vllm-2', model: 'Qwen' }, failure);
    const refused = await guarded.plan(chat('x', 'claude')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GatewayError);
    expect(refused).toMatchObject({ code: 'overloaded', status: 503, retryAfter: 30 });
  });

  it('skips a provider failing its health check, unless nothing else is left', async () => {
    const config = validateConfig(fileConfig());
    config.providers[1]!.health_check = { interval: 60_000, timeout: 200 };
    const { router: checked, health } = routerFor(config);
    expect(await health.check('vllm-1', 200)).toBe(false);
    const plan = await checked.plan(chat('x', 'qwen'));
    expect(plan.attempts.map((attempt) => attempt.target.provider)).toEqual(['vllm-2']);
    expect(plan.skipped[0]!.reason).toMatch(/^health check failing/);
    expect(await health.check('vllm-2', 200)).toBe(false);
    const desperate = await checked.plan(chat('x', 'qwen'));
    expect(desperate.attempts.map((attempt) => attempt.target.provider).sort()).toEqual(['vllm-1', 'vllm-2']);
  });

  it('follows model updates (admin overrides)', async () => {
    const { router: updated } = routerFor(validateConfig(fileConfig()));
    updated.updateModels([{ name: 'fresh', targets: [{ provider: 'vllm-1', model: 'F', weight: 1 }] }]);
    expect(updated.catalog.names).toEqual(['fresh']);
    expect((await updated.plan(chat('x', 'fresh'))).attempts[0]!.target.model).toBe('F');
  });
});

describe('ModelRouter with the embeddings classifier', () => {
  it('classifies by similarity to the configured examples, and explains what it saw', async () => {
    const config = validateConfig(
      fileConfig({
        classifier: {
          embeddings: {
            base_url: `${emulator.url}/v1`,
            model: 'text-embedding-3-small',
            examples: { math: ['eigenvalues of a matrix', 'integrate this function'], law: ['can my landlord evict me'] },
          },
        },
      }),
    );
    const { router } = routerFor(config);
    emulator.clear();
    const plan = await router.plan(chat('what are the eigenvalues of this matrix'));
    expect(plan.decisionLabel).toBe('complex');
    const explained = await router.explain(chat('my landlord wants to evict me'));
    expect(explained.facts.domain).toMatchObject({ domain: 'law', source: 'embeddings' });
    expect(explained.decisionLabel).toBe('default');
    // The examples were embedded once; each prompt once.
    const calls = emulator.requests.filter((record) => record.path === '/v1/embeddings');
    expect(calls).toHaveLength(3);
    await router.plan(chat('what are the eigenvalues of this matrix'));
    expect(emulator.requests.filter((record) => record.path === '/v1/embeddings')).toHaveLength(3);
  });

  it('falls back to the lexical classifier when the endpoint fails', async () => {
    const config = validateConfig(fileConfig({ classifier: { embeddings: { base_url: 'http://127.0.0.1:9/v1', model: 'e', timeout: '500ms' } } }));
    const { router } = routerFor(config);
    const explained = await router.explain(chat('Find the eigenvalues of this matrix and its determinant'));
    expect(explained.decisionLabel).toBe('complex');
    expect(explained.facts.domain).toMatchObject({ domain: 'math', source: 'lexical' });
  });
});

describe('ModelRouter at start', () => {
  it('warns of a domain condition no classifier answers', async () => {
    const { Logger } = await import('@nestjs/common');
    const warnings: string[] = [];
    Logger.overrideLogger({ log: () => undefined, error: () => undefined, warn: (message: unknown) => void warnings.push(String(message)) });
    routerFor(validateConfig(fileConfig({ routing: { decisions: [{ name: 'sci', when: { any: [{ domain: ['science', 'math'] }] }, model: 'claude' }] } })));
    expect(warnings).toEqual([expect.stringMatching(/^routing\.decisions\[0\] \(sci\): no classifier answers the domain "science"; known: math, /)]);
  });
});
