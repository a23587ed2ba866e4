import { describe, expect, it } from 'vitest';
import { encodeAnthropicError } from '../errors/anthropic-error-encoder';
import { encodeOpenAIError } from '../errors/openai-error-encoder';
import { type GatewayErrorCode } from '../gateway-error';
import { gatewayErrorFromAnthropicError } from './anthropic-error-event';

describe('gatewayErrorFromAnthropicError', () => {
  it.each<[string, GatewayErrorCode, number, boolean]>([
    ['invalid_request_error', 'invalid_request', 400, false],
    ['authentication_error', 'authentication', 401, false],
    ['billing_error', 'permission', 402, false],
    ['permission_error', 'permission', 403, false],
    ['not_found_error', 'not_found', 404, false],
    ['request_too_large', 'request_too_large', 413, false],
    ['rate_limit_error', 'rate_limited', 429, true],
    ['api_error', 'upstream', 500, true],
    ['timeout_error', 'timeout', 504, true],
    ['overloaded_error', 'overloaded', 529, true],
    ['brand_new_error', 'upstream', 502, true],
  ])('%s → %s %d (retryable %s)', (type, code, status, retryable) => {
    const error = gatewayErrorFromAnthropicError({ type, message: 'something happened' });
    expect({ code: error.code, status: error.status, retryable: error.retryable, upstreamType: error.upstreamType }).toEqual({
      code,
      status,
      retryable,
      upstreamType: type,
    });
    expect(error.message).toBe('something happened');
  });

  it('gives an Anthropic client the upstream error as it was', () => {
    const error = gatewayErrorFromAnthropicError({ type: 'overloaded_error', message: 'Overloaded' });
    expect(JSON.parse(encodeAnthropicError(error).body)).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  });

  it('gives an OpenAI client a 503 for overloaded', () => {
    const rendered = encodeOpenAIError(gatewayErrorFromAnthropicError({ type: 'overloaded_error', message: 'Overloaded' }));
    expect(rendered.status).toBe(503);
    expect(JSON.parse(rendered.body).error.type).toBe('overloaded_error');
  });

  it('survives a malformed error object', () => {
    const error = gatewayErrorFromAnthropicError('nonsense');
    expect(error.code).toBe('upstream');
    expect(error.message).toBe('upstream error');
  });
});
