import { type Budget, type KeyLimits } from '@gatehouse/contracts';
import { type KeyConfig } from '../config';
import { type ApiKeyRow } from '../persistence/entities/api-key.entity';
import { type Principal } from './principal';

/** Config keys are identified as `config:NAME` in usage records and the admin API; their names are unique. */
export const configKeyId = (name: string): string => `config:${name}`;

function principalBudget(budget: Budget | null | undefined): Principal['budget'] {
  if (!budget) return undefined;
  return { tokens: budget.tokens, costUsd: budget.cost_usd, period: budget.period };
}

function principalLimits(limits: KeyLimits | null | undefined): Principal['limits'] {
  return limits && Object.keys(limits).length > 0 ? { ...limits } : undefined;
}

export function principalOfConfigKey(key: KeyConfig): Principal {
  return {
    keyId: configKeyId(key.name),
    keyName: key.name,
    team: key.team,
    models: key.models,
    limits: principalLimits(key.limits),
    budget: principalBudget(key.budget),
    source: 'config',
  };
}

export function principalOfKeyRow(row: ApiKeyRow): Principal {
  return {
    keyId: row.id,
    keyName: row.name,
    team: row.team ?? undefined,
    models: row.models ?? undefined,
    limits: principalLimits(row.limits),
    budget: principalBudget(row.budget),
    source: 'database',
  };
}
