import { type KeyLimits } from '@gatehouse/contracts';
import { formatCount } from './format-count';

/** "600 rpm · 200,000 tpm · 4 concurrent", or "None". */
export function formatLimits(limits: KeyLimits | null): string {
  if (!limits) return 'None';
  const parts = [
    limits.rpm === undefined ? undefined : `${formatCount(limits.rpm)} rpm`,
    limits.tpm === undefined ? undefined : `${formatCount(limits.tpm)} tpm`,
    limits.concurrent === undefined ? undefined : `${formatCount(limits.concurrent)} concurrent`,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' · ') : 'None';
}
