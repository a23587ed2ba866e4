import { type ApiKey, type Budget, type BudgetPeriod, type KeyLimits } from '@gatehouse/contracts';

/** What the key form holds: text as typed (numbers are checked by the gateway, which names each bad field). */
export interface KeySettingsDraft {
  /** Allowed model names; none ticked means every model. */
  models: string[];
  rpm: string;
  tpm: string;
  concurrent: string;
  budgetTokens: string;
  budgetCostUsd: string;
  budgetPeriod: BudgetPeriod;
  /** A datetime-local value in the reader's time zone; empty for no expiry. */
  expiresAt: string;
}

export const emptyKeySettingsDraft: KeySettingsDraft = {
  models: [],
  rpm: '',
  tpm: '',
  concurrent: '',
  budgetTokens: '',
  budgetCostUsd: '',
  budgetPeriod: 'month',
  expiresAt: '',
};

export function keySettingsDraftOf(key: ApiKey): KeySettingsDraft {
  return {
    models: key.models ?? [],
    rpm: key.limits?.rpm?.toString() ?? '',
    tpm: key.limits?.tpm?.toString() ?? '',
    concurrent: key.limits?.concurrent?.toString() ?? '',
    budgetTokens: key.budget?.tokens?.toString() ?? '',
    budgetCostUsd: key.budget?.cost_usd?.toString() ?? '',
    budgetPeriod: key.budget?.period ?? 'month',
    expiresAt: key.expires_at ? localDateTimeOf(new Date(key.expires_at)) : '',
  };
}

/** The settings as the admin API takes them; `null` is a setting left empty (removed on PATCH, left out on POST). */
export interface KeySettings {
  models: string[] | null;
  limits: KeyLimits | null;
  budget: Budget | null;
  expires_at: string | null;
}

export function keySettingsOf(draft: KeySettingsDraft): KeySettings {
  const limits = withoutEmpty({ rpm: numberOf(draft.rpm), tpm: numberOf(draft.tpm), concurrent: numberOf(draft.concurrent) });
  const caps = withoutEmpty({ tokens: numberOf(draft.budgetTokens), cost_usd: numberOf(draft.budgetCostUsd) });
  return {
    models: draft.models.length > 0 ? draft.models : null,
    limits,
    budget: caps ? { ...caps, period: draft.budgetPeriod } : null,
    expires_at: draft.expiresAt ? isoTimeOf(draft.expiresAt) : null,
  };
}

function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function withoutEmpty<T extends Record<string, number | undefined>>(fields: T): T | null {
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
  return Object.keys(present).length > 0 ? present : null;
}

// An unreadable date goes to the gateway as typed, so its answer names the field.
function isoTimeOf(localDateTime: string): string {
  const time = new Date(localDateTime);
  return Number.isNaN(time.getTime()) ? localDateTime : time.toISOString();
}

function localDateTimeOf(time: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`;
}
