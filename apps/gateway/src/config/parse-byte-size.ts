// Binary multiples, as Fastify's bodyLimit and most servers count them: 32mb = 32 × 1024 × 1024 bytes.
const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
const BYTE_SIZE = /^(\d+(?:\.\d+)?|\.\d+)\s*(b|kb|mb|gb)?$/i;

/**
 * Reads a size as whole bytes: `32mb`, `512kb`, `1gb`, `100b`, or a plain number of bytes (a number, or a numeric
 * string as `${VAR}` expansion produces). Returns undefined when it is not one.
 */
export function parseByteSize(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? Math.round(input) : undefined;
  if (typeof input !== 'string') return undefined;
  const match = BYTE_SIZE.exec(input.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 'b').toLowerCase();
  return Math.round(Number(match[1]) * UNIT_BYTES[unit]!);
}
