import { describe, expect, it } from 'vitest';
import { ModelCatalog } from './model-catalog';
import { type ModelRoute } from './model-target';
import { planAttempts } from './plan-attempts';
import { type RetryPolicy } from './retry-policy';

const routes: ModelRoute[] = [
  {
    name: 'qwen',
    targets: [
      { provider: 'vllm-1', model: 'Qwen', weight: 3 },
      { provider: 'vllm-2', model: 'Qwen', weight: 1 },
    ],
    fallbacks: ['claude', 'gpt'],
  },
  { name: 'claude', targets: [{ provider: 'anthropic', model: 'claude-sonnet', weight: 1 }], fallbacks: ['qwen'] },
  {
    name: 'gpt',
    targets: [
      { provider: 'openai', model: 'gpt-4o', weight: 1 },
      { provider: 'azure', model: 'gpt-4o', weight: 1 },
    ],
    fallbacks: [],
  },
  { name: 'qwen-alias', targets: [{ provider: 'vllm-1', model: 'Qwen', weight: 1 }], fallbacks: ['qwen'] },
];
const catalog = new ModelCatalog(routes);
const fixed = (...values: number[]) => {
  let index = 0;
  return () => values[index++ % values.length]!;
};
const describeAttempts = (plan: ReturnType<typeof planAttempts>) => plan.attempts.map((attempt) => `${attempt.model}:${attempt.target.provider}`);

describe('planAttempts', () => {
  it('tries the weighted pick, the model’s other targets, then each fallback in order', () => {
    const plan = planAttempts(catalog.get('qwen')!, catalog, { random: fixed(0.9, 0.1) });
    expect(describeAttempts(plan)).toEqual(['qwen:vllm-2', 'qwen:vllm-1', 'claude:anthropic', 'gpt:openai', 'gpt:azure']);
    expect(plan.attempts.map((attempt) => attempt.fallback)).toEqual([false, false, true, true, true]);
  });

  it('takes only each model’s pick when told to', () => {
    const plan = planAttempts(catalog.get('qwen')!, catalog, { random: fixed(0.1), otherTargets: false });
    expect(describeAttempts(plan)).toEqual(['qwen:vllm-1', 'claude:anthropic', 'gpt:openai']);
  });

  it('leaves out unavailable targets, so the pick lands on one that may be tried, and says why', () => {
    const plan = planAttempts(catalog.get('qwen')!, catalog, {
      random: fixed(0.1),
      unavailable: (target) => (target.provider === 'vllm-1' || target.provider === 'openai' ? 'circuit open' : undefined),
    });
    expect(describeAttempts(plan)).toEqual(['qwen:vllm-2', 'claude:anthropic', 'gpt:azure']);
    expect(plan.skipped).toEqual([
      { model: 'qwen', target: routes[0]!.targets[0], reason: 'circuit open' },
      { model: 'gpt', target: routes[2]!.targets[0], reason: 'circuit open' },
    ]);
  });

  it('is empty when every target is unavailable', () => {
    const plan = planAttempts(catalog.get('claude')!, catalog, { unavailable: () => 'circuit open' });
    expect(plan.attempts).toEqual([]);
    expect(plan.skipped).toHaveLength(3);
  });

  it('tries a target reached through two model names once, and follows only the requested model’s fallbacks', () => {
    const plan = planAttempts(catalog.get('qwen-alias')!, catalog, { random: fixed(0.1) });
    expect(describeAttempts(plan)).toEqual(['qwen-alias:vllm-1', 'qwen:vllm-2']);
  });

  it('gives each attempt its provider’s retry policy', () => {
    const patient: RetryPolicy = { max: 3, on: ['5xx'], backoffMs: 50 };
    const plan = planAttempts(catalog.get('claude')!, catalog, {
      random: fixed(0.1),
      retryPolicyOf: (target) => (target.provider === 'anthropic' ? patient : { max: 0, on: [], backoffMs: 0 }),
    });
    expect(plan.attempts[0]!.retry).toBe(patient);
    expect(plan.attempts[1]!.retry.max).toBe(0);
  });

  it('spreads first attempts by weight: 3:1 within ±5 points over 1,000 requests', () => {
    let first = 0;
    for (let i = 0; i < 1000; i++) if (planAttempts(catalog.get('qwen')!, catalog).attempts[0]!.target.provider === 'vllm-1') first++;
    // Binomial(1000, 0.75) has a standard deviation of 13.7: 700..800 is over 3.6 of them either side.
    expect(first).toBeGreaterThanOrEqual(700);
    expect(first).toBeLessThanOrEqual(800);
  });
});
