/**
 * A copy of parsed YAML without object entries that are null, undefined or the empty string, at any depth.
 * `api_key: ${KEY}` with KEY unset and a bare `redis:` both mean "not set"; array items are kept as they are.
 */
export function pruneBlankValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneBlankValues);
  if (value === null || typeof value !== 'object') return value;
  const pruned: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null || entry === undefined || entry === '') continue;
    pruned[key] = pruneBlankValues(entry);
  }
  return pruned;
}
