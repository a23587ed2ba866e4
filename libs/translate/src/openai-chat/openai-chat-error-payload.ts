import { GatewayError, type GatewayErrorCode } from '../gateway-error';
import { asJsonObject, asString, type JsonObject } from './read-json';

/**
 * An error an OpenAI-compatible upstream sent as data (`data: {"error": {...}}` in a stream, or a 200 body holding
 * `error`) → GatewayError. OpenAI nests the error; older vLLM puts `object: "error"`, message and type at the top
 * level, and puts the HTTP status number in `code`.
 * https://platform.openai.com/docs/guides/error-codes
 */
export function gatewayErrorFromOpenAIChatPayload(payload: JsonObject): GatewayError {
  const detail = asJsonObject(payload.error) ?? payload;
  const message = asString(detail.message) ?? 'the upstream reported an error';
  const type = asString(detail.type);
  const status = typeof detail.code === 'number' && detail.code >= 400 && detail.code <= 599 ? detail.code : undefined;
  const code = codeForType(type) ?? (status === undefined ? 'upstream' : codeForStatus(status));
  return new GatewayError(code, message, {
    retryable: code === 'rate_limited' || code === 'overloaded' || code === 'upstream' || code === 'timeout',
    upstreamType: type,
    upstreamStatus: status,
    upstream: { dialect: 'openai-chat', body: JSON.stringify({ error: detail }) },
  });
}

/** Whether a parsed chunk is an error rather than a `chat.completion.chunk`. */
export function isOpenAIChatErrorPayload(payload: JsonObject): boolean {
  return (payload.error !== undefined && payload.error !== null) || payload.object === 'error';
}

function codeForType(type: string | undefined): GatewayErrorCode | undefined {
  switch (type) {
    case 'invalid_request_error':
    case 'BadRequestError':
      return 'invalid_request';
    case 'authentication_error':
      return 'authentication';
    case 'permission_error':
      return 'permission';
    case 'not_found_error':
    case 'NotFoundError':
      return 'not_found';
    case 'rate_limit_error':
    case 'insufficient_quota':
      return 'rate_limited';
    case 'overloaded_error':
      return 'overloaded';
    case 'server_error':
    case 'api_error':
    case 'InternalServerError':
      return 'upstream';
    default:
      return undefined;
  }
}

function codeForStatus(status: number): GatewayErrorCode {
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 503 || status === 529) return 'overloaded';
  if (status >= 500) return 'upstream';
  return 'invalid_request';
}
