const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h|d)?$/i;

/**
 * Reads a duration as whole milliseconds: `300s`, `1.5s`, `250ms`, `5m`, `24h`, `7d`, or a plain number of
 * milliseconds (a number, or a numeric string as `${VAR}` expansion produces). Returns undefined when it is not one.
 */
export function parseDuration(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? Math.round(input) : undefined;
  if (typeof input !== 'string') return undefined;
  const match = DURATION.exec(input.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 'ms').toLowerCase();
  return Math.round(Number(match[1]) * UNIT_MS[unit]!);
}
