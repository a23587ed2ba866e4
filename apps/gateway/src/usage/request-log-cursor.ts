/** Where a request-log page ended: the (started_at, id) of its last row, newest-first order. Opaque to clients. */
export interface RequestLogPosition {
  startedAt: number;
  id: string;
}

export function encodeRequestLogCursor(position: RequestLogPosition): string {
  return Buffer.from(JSON.stringify([position.startedAt, position.id])).toString('base64url');
}

/** Undefined for anything that is not a cursor this gateway made. */
export function decodeRequestLogCursor(cursor: string): RequestLogPosition | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [startedAt, id] = value;
    if (!Number.isSafeInteger(startedAt) || typeof id !== 'string' || !/^\d{1,19}$/.test(id)) return undefined;
    return { startedAt, id };
  } catch {
    return undefined;
  }
}
