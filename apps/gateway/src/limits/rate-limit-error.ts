import { GatewayError } from '@gatehouse/translate';

/**
 * A 429 from a gateway limit. It carries the rate-limit headers of the refused request, which the proxy sets on the
 * error response like the headers of admitted gates (`error.headers`).
 */
export class RateLimitError extends GatewayError {
  constructor(
    message: string,
    retryAfterSeconds: number,
    readonly headers: Record<string, string>,
  ) {
    super('rate_limited', message, { retryAfter: retryAfterSeconds });
  }
}

/** The headers a refusal carries, for whoever renders the error (any thrown value; none when it has none). */
export function headersOfRefusal(error: unknown): Record<string, string> | undefined {
  return error instanceof RateLimitError ? error.headers : undefined;
}
