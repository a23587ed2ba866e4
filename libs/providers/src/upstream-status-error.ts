import { type Dialect, GatewayError, type GatewayErrorCode } from '@gatehouse/translate';

export interface UpstreamErrorDetails {
  status: number;
  message: string;
  type?: string;
  retryAfter?: number;
  dialect: Dialect;
  body: string;
}

/**
 * The status classes every provider shares: 408, 429, 5xx and 529 may succeed elsewhere or later;
 * any other 4xx is the client's own mistake and is relayed, never retried.
 */
export function upstreamStatusError(details: UpstreamErrorDetails): GatewayError {
  const { status } = details;
  if (status === 401 || status === 403) {
    // The gateway's provider credentials were refused: not the client's doing, and the upstream's message may quote the key.
    return new GatewayError('upstream', `the upstream refused the gateway's credentials (status ${status})`, {
      status: 502,
      retryable: true,
      upstreamStatus: status,
    });
  }
  const code = codeForStatus(status);
  const retryable = status === 408 || status === 429 || status >= 500;
  return new GatewayError(code, details.message, {
    status,
    retryable,
    retryAfter: details.retryAfter,
    upstreamType: details.type,
    upstreamStatus: status,
    upstream: { dialect: details.dialect, body: details.body },
  });
}

function codeForStatus(status: number): GatewayErrorCode {
  if (status === 404) return 'not_found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 529 || status === 503) return 'overloaded';
  if (status >= 500) return 'upstream';
  return 'invalid_request';
}

/** Seconds from a `retry-after` header (seconds or an HTTP date), if there is one. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
