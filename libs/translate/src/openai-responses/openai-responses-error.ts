import { GatewayError, type GatewayErrorCode } from '../gateway-error';
import { asString, type JsonObject } from '../openai-chat/read-json';

/**
 * An error a Responses upstream reported inside a 200 answer → GatewayError: a failed response's `error`
 * (`{code, message}`, https://platform.openai.com/docs/api-reference/responses/object#responses/object-error) or a
 * stream's `error` event (`{type: "error", code, message, param}`). The code may be one of the response error
 * codes or an error type.
 */
export function gatewayErrorFromResponsesError(error: JsonObject | undefined, fallbackMessage: string): GatewayError {
  const code = asString(error?.code) ?? asString(error?.type);
  const message = asString(error?.message) ?? fallbackMessage;
  const gatewayCode = codeFor(code);
  return new GatewayError(gatewayCode, message, {
    retryable: gatewayCode === 'rate_limited' || gatewayCode === 'overloaded' || gatewayCode === 'upstream' || gatewayCode === 'timeout',
    upstreamType: code,
    param: asString(error?.param),
  });
}

function codeFor(code: string | undefined): GatewayErrorCode {
  switch (code) {
    case 'rate_limit_exceeded':
    case 'rate_limit_error':
    case 'insufficient_quota':
      return 'rate_limited';
    case 'invalid_prompt':
    case 'invalid_request_error':
    case 'invalid_image':
    case 'invalid_image_format':
    case 'invalid_base64_image':
    case 'invalid_image_url':
    case 'image_too_large':
    case 'image_too_small':
    case 'image_parse_error':
    case 'image_content_policy_violation':
    case 'invalid_image_mode':
    case 'image_file_too_large':
    case 'unsupported_image_media_type':
    case 'empty_image_file':
    case 'failed_to_download_image':
    case 'image_file_not_found':
      return 'invalid_request';
    case 'overloaded_error':
    case 'server_is_overloaded':
      return 'overloaded';
    case 'vector_store_timeout':
    case 'timeout':
      return 'timeout';
    default:
      return 'upstream';
  }
}
