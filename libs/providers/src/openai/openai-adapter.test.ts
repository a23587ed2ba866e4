import { describe, expect, it } from 'vitest';
import { type ProviderSettings } from '../provider-settings';
import { openAIAdapter } from './openai-adapter';

const settings: ProviderSettings = {
  name: 'vllm',
  type: 'openai',
  baseUrl: 'http://127.0.0.1:8000/v1',
  timeoutMs: 1000,
  connectTimeoutMs: 1000,
  maxConnections: 4,
};

describe('openAIAdapter.prepare', () => {
  it('sends chat completions under the base path, without authorization when no key is set', () => {
    const prepared = openAIAdapter.prepare(settings, { operation: 'generate', dialect: 'openai-chat', body: '{}', clientHeaders: { authorization: 'Bearer client' } });
    expect(prepared).toEqual({ method: 'POST', path: '/v1/chat/completions', headers: { 'content-type': 'application/json' }, body: '{}' });
  });

  it('uses Bearer auth with the provider key and extra configured headers', () => {
    const prepared = openAIAdapter.prepare(
      { ...settings, apiKey: 'sk-provider', headers: { 'x-tenant': 't1' } },
      { operation: 'generate', dialect: 'openai-responses', body: '{}', clientHeaders: {} },
    );
    expect(prepared.path).toBe('/v1/responses');
    expect(prepared.headers).toEqual({ 'x-tenant': 't1', 'content-type': 'application/json', authorization: 'Bearer sk-provider' });
  });

  it('addresses embeddings and models', () => {
    expect(openAIAdapter.prepare(settings, { operation: 'embeddings', dialect: 'openai-chat', body: '{}', clientHeaders: {} }).path).toBe('/v1/embeddings');
    expect(openAIAdapter.prepare(settings, { operation: 'models', dialect: 'openai-chat', clientHeaders: {} })).toMatchObject({ method: 'GET', path: '/v1/models' });
  });
});

describe('openAIAdapter.mapError', () => {
  it.each([
    [400, 'invalid_request', false],
    [408, 'timeout', true],
    [422, 'invalid_request', false],
    [429, 'rate_limited', true],
    [503, 'overloaded', true],
    [500, 'upstream', true],
  ])('maps %i to %s (retryable %s)', (status, code, retryable) => {
    const body = JSON.stringify({ error: { message: 'nope', type: 'some_type', param: null, code: null } });
    expect(openAIAdapter.mapError(status, body, { 'retry-after': '2' })).toMatchObject({ code, status, retryable, retryAfter: 2, message: 'nope' });
  });

  it('reads the flat error shape of older vLLM servers and re-renders it as OpenAI JSON', () => {
    const error = openAIAdapter.mapError(400, JSON.stringify({ object: 'error', message: 'max_tokens too large', type: 'BadRequestError', code: 400 }), {});
    expect(error.message).toBe('max_tokens too large');
    expect(JSON.parse(error.upstream!.body)).toMatchObject({ error: { message: 'max_tokens too large' } });
  });
});

describe('openAIAdapter.speaks', () => {
  it('speaks Chat Completions always and the Responses API only when the server has it', () => {
    expect(openAIAdapter.speaks(settings, 'openai-chat')).toBe(true);
    expect(openAIAdapter.speaks(settings, 'openai-responses')).toBe(false);
    expect(openAIAdapter.speaks({ ...settings, responsesApi: true }, 'openai-responses')).toBe(true);
    expect(openAIAdapter.speaks(settings, 'anthropic-messages')).toBe(false);
  });
});
