import { GatewayError, isGatewayError } from '@gatehouse/translate';

/** A store that cannot be reached (Redis down) is a 503 the client may retry, not the gateway's own 500. */
export async function orStoreUnavailable<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isGatewayError(error)) throw error;
    throw new GatewayError('overloaded', 'The Responses store is unavailable right now; try again shortly', { status: 503, retryAfter: 1, cause: error });
  }
}
