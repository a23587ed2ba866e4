import { type EmulatedError } from './behaviour';
import { randomId } from './wire-ids';

// https://docs.anthropic.com/en/api/errors
const ANTHROPIC_TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

// https://platform.openai.com/docs/guides/error-codes
const OPENAI_TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  403: 'permission_error',
  404: 'invalid_request_error',
  413: 'invalid_request_error',
  422: 'invalid_request_error',
  429: 'requests',
};

const OPENAI_CODE_BY_STATUS: Record<number, string> = {
  401: 'invalid_api_key',
  404: 'model_not_found',
  429: 'rate_limit_exceeded',
};

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: 'Bad request',
  401: 'Invalid API key',
  403: 'Permission denied',
  404: 'Not found',
  413: 'Request too large',
  429: 'Rate limit exceeded',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Request timed out',
  529: 'Overloaded',
};

function messageFor(error: EmulatedError): string {
  return error.message ?? MESSAGE_BY_STATUS[error.status] ?? `Emulated error ${error.status}`;
}

export function anthropicErrorBody(error: EmulatedError): { type: 'error'; error: { type: string; message: string }; request_id: string } {
  const type = error.type ?? ANTHROPIC_TYPE_BY_STATUS[error.status] ?? (error.status >= 500 ? 'api_error' : 'invalid_request_error');
  return { type: 'error', error: { type, message: messageFor(error) }, request_id: randomId('req_011', 21) };
}

export function openAiErrorBody(error: EmulatedError): {
  error: { message: string; type: string; param: null; code: string | null };
} {
  const type = error.type ?? OPENAI_TYPE_BY_STATUS[error.status] ?? (error.status >= 500 ? 'server_error' : 'invalid_request_error');
  return { error: { message: messageFor(error), type, param: null, code: OPENAI_CODE_BY_STATUS[error.status] ?? null } };
}
