import { describe, expect, it } from 'vitest';
import { encodeOpenAIError } from '../errors/openai-error-encoder';
import { gatewayErrorFromOpenAIChatPayload, isOpenAIChatErrorPayload } from './openai-chat-error-payload';

describe('gatewayErrorFromOpenAIChatPayload', () => {
  it.each([
    [{ error: { message: 'm', type: 'server_error', param: null, code: null } }, 'upstream', 502, true],
    [{ error: { message: 'm', type: 'invalid_request_error', param: 'messages', code: null } }, 'invalid_request', 400, false],
    [{ error: { message: 'm', type: 'rate_limit_error', code: 'rate_limit_exceeded' } }, 'rate_limited', 429, true],
    [{ error: { message: 'm', type: 'insufficient_quota', code: 'insufficient_quota' } }, 'rate_limited', 429, true],
    [{ error: { message: 'm', type: 'authentication_error' } }, 'authentication', 401, false],
    [{ error: { message: 'm', type: 'overloaded_error' } }, 'overloaded', 503, true],
    // vLLM: its exception class as type, the HTTP status as code; older versions without the `error` wrapper.
    [{ error: { object: 'error', message: 'm', type: 'BadRequestError', param: null, code: 400 } }, 'invalid_request', 400, false],
    [{ object: 'error', message: 'm', type: 'InternalServerError', param: null, code: 500 }, 'upstream', 502, true],
    [{ error: { message: 'm', type: 'SomethingNew', code: 503 } }, 'overloaded', 503, true],
    [{ error: { message: 'm' } }, 'upstream', 502, true],
  ])('%j → %s', (payload, code, status, retryable) => {
    expect(isOpenAIChatErrorPayload(payload)).toBe(true);
    const error = gatewayErrorFromOpenAIChatPayload(payload);
    expect(error).toMatchObject({ code, status, retryable, message: 'm' });
  });

  it('keeps the upstream error so that an OpenAI client sees it as the upstream wrote it', () => {
    const error = gatewayErrorFromOpenAIChatPayload({ error: { message: 'Sorry', type: 'server_error', param: null, code: null } });
    expect(JSON.parse(encodeOpenAIError(error).body)).toEqual({ error: { message: 'Sorry', type: 'server_error', param: null, code: null } });
  });

  it('does not take a chunk for an error', () => {
    expect(isOpenAIChatErrorPayload({ id: 'x', object: 'chat.completion.chunk', choices: [], error: null })).toBe(false);
  });
});
