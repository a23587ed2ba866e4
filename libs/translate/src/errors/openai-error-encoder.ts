import { type GatewayError, type GatewayErrorCode } from '../gateway-error';
import { type RenderedError } from './rendered-error';

// https://platform.openai.com/docs/guides/error-codes
function openAIErrorType(code: GatewayErrorCode): string {
  switch (code) {
    case 'invalid_request':
    case 'request_too_large':
      return 'invalid_request_error';
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
      return 'server_error';
    case 'timeout':
      return 'timeout_error';
    default: {
      const unreachable: never = code;
      throw new Error(`unhandled error code ${String(unreachable)}`);
    }
  }
}

/** Renders an error as OpenAI does (`{"error": {...}}`); used for Chat Completions and Responses clients. */
export function encodeOpenAIError(error: GatewayError): RenderedError {
  const headers = retryAfterHeader(error);
  if (error.upstream && error.upstream.dialect !== 'anthropic-messages') {
    return { status: error.status, headers, body: error.upstream.body };
  }
  // OpenAI clients know no 529: Anthropic's "overloaded" becomes a plain 503.
  const status = error.status === 529 ? 503 : error.status;
  const body = {
    error: {
      message: error.message,
      type: openAIErrorType(error.code),
      param: error.param ?? null,
      code: error.code === 'not_found' && error.param === 'model' ? 'model_not_found' : error.code,
    },
  };
  return { status, headers, body: JSON.stringify(body) };
}

export function retryAfterHeader(error: GatewayError): Record<string, string> {
  return error.retryAfter === undefined ? {} : { 'retry-after': String(Math.max(0, Math.ceil(error.retryAfter))) };
}
