import { type GatewayError, type GatewayErrorCode } from '../gateway-error';
import { retryAfterHeader } from './openai-error-encoder';
import { type RenderedError } from './rendered-error';

// https://docs.anthropic.com/en/api/errors
function anthropicErrorType(code: GatewayErrorCode): string {
  switch (code) {
    case 'invalid_request':
      return 'invalid_request_error';
    case 'request_too_large':
      return 'request_too_large';
    case 'authentication':
      return 'authentication_error';
    case 'permission':
      return 'permission_error';
    case 'not_found':
      return 'not_found_error';
    case 'rate_limited':
      return 'rate_limit_error';
    case 'budget_exceeded':
      return 'budget_exceeded';
    case 'overloaded':
      return 'overloaded_error';
    case 'upstream':
      return 'api_error';
    case 'timeout':
      return 'timeout_error';
    default: {
      const unreachable: never = code;
      throw new Error(`unhandled error code ${String(unreachable)}`);
    }
  }
}

/** Renders an error as Anthropic does (`{"type": "error", "error": {...}}`). */
export function encodeAnthropicError(error: GatewayError): RenderedError {
  const headers = retryAfterHeader(error);
  if (error.upstream?.dialect === 'anthropic-messages') {
    return { status: error.status, headers, body: error.upstream.body };
  }
  const body = { type: 'error', error: { type: anthropicErrorType(error.code), message: error.message } };
  return { status: error.status, headers, body: JSON.stringify(body) };
}
