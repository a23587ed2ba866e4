import { describe, expect, it } from 'vitest';
import { createKeyRequestSchema, updateKeyRequestSchema } from './keys';
import { modelDefinitionSchema } from './models';
import { requestLogQuerySchema } from './request-log';
import { formatIssuePath, validationIssuesOf } from './validation-issues';

const issuesOf = (schema: { safeParse(value: unknown): { success: boolean; error?: any } }, value: unknown) => {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return validationIssuesOf(result.error);
};

describe('validation issues', () => {
  it('name each bad field by its path, unknown fields included', () => {
    expect(issuesOf(createKeyRequestSchema, { limits: { rpm: 0, burst: 1 }, budget: { period: 'week' }, models: ['ok', ''] })).toEqual([
      { path: 'name', message: 'required' },
      { path: 'models[1]', message: 'must not be empty' },
      { path: 'limits.rpm', message: 'must be at least 1' },
      { path: 'limits.burst', message: 'unknown field' },
      { path: 'budget.period', message: 'must be day or month' },
    ]);
  });

  it('say what a budget with no cap lacks', () => {
    expect(issuesOf(createKeyRequestSchema, { name: 'x', budget: { period: 'day' } })).toEqual([{ path: 'budget', message: 'set tokens, cost_usd or both' }]);
  });

  it('refuse an empty change', () => {
    expect(issuesOf(updateKeyRequestSchema, {})).toEqual([{ path: '', message: 'change at least one of models, limits, budget, expires_at' }]);
    expect(updateKeyRequestSchema.parse({ models: null, expires_at: null })).toEqual({ models: null, expires_at: null });
  });

  it('check model definitions as the config file does', () => {
    expect(issuesOf(modelDefinitionSchema, { targets: [] })).toEqual([{ path: 'targets', message: 'needs at least one target' }]);
    expect(issuesOf(modelDefinitionSchema, { targets: [{ provider: 'p', weight: -1 }], pricing: { input_per_mtok: 1 } })).toEqual([
      { path: 'targets[0].weight', message: 'must be more than 0' },
      { path: 'pricing.output_per_mtok', message: 'required' },
    ]);
  });

  it('read query strings: numbers are coerced, statuses and times checked', () => {
    expect(requestLogQuerySchema.parse({ limit: '20', status: '4xx' })).toEqual({ limit: 20, status: '4xx' });
    expect(issuesOf(requestLogQuerySchema, { limit: '0', status: 'bad', from: 'yesterday' }).map((issue) => issue.path)).toEqual(['limit', 'status', 'from']);
  });

  it('quote keys that are not plain words', () => {
    expect(formatIssuePath(['pricing', 'Qwen/Qwen2.5', 'input_per_mtok'])).toBe('pricing["Qwen/Qwen2.5"].input_per_mtok');
  });
});
