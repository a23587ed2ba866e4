import { GatewayError, type GatewayErrorCode } from '../gateway-error';

interface ErrorMapping {
  code: GatewayErrorCode;
  status: number;
  retryable: boolean;
}

// https://docs.claude.com/en/api/errors — each error type with the HTTP status it has outside a stream.
const mappings: Record<string, ErrorMapping> = {
  invalid_request_error: { code: 'invalid_request', status: 400, retryable: false },
  authentication_error: { code: 'authentication', status: 401, retryable: false },
  billing_error: { code: 'permission', status: 402, retryable: false },
  permission_error: { code: 'permission', status: 403, retryable: false },
  not_found_error: { code: 'not_found', status: 404, retryable: false },
  request_too_large: { code: 'request_too_large', status: 413, retryable: false },
  rate_limit_error: { code: 'rate_limited', status: 429, retryable: true },
  api_error: { code: 'upstream', status: 500, retryable: true },
  timeout_error: { code: 'timeout', status: 504, retryable: true },
  overloaded_error: { code: 'overloaded', status: 529, retryable: true },
};

const unknownMapping: ErrorMapping = { code: 'upstream', status: 502, retryable: true };

/**
 * An Anthropic error object (`{type, message}`, as in an `event: error` or an error body's `error`) → GatewayError.
 * The upstream's own body is kept so that an Anthropic client sees exactly what Anthropic said.
 */
export function gatewayErrorFromAnthropicError(error: unknown): GatewayError {
  const fields = error !== null && typeof error === 'object' ? (error as Record<string, unknown>) : {};
  const type = typeof fields.type === 'string' ? fields.type : 'api_error';
  const message = typeof fields.message === 'string' ? fields.message : 'upstream error';
  const mapping = mappings[type] ?? unknownMapping;
  return new GatewayError(mapping.code, message, {
    status: mapping.status,
    retryable: mapping.retryable,
    upstreamType: type,
    upstream: { dialect: 'anthropic-messages', body: JSON.stringify({ type: 'error', error: { type, message } }) },
  });
}
