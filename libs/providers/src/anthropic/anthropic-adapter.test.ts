import { describe, expect, it } from 'vitest';
import { type ProviderSettings } from '../provider-settings';
import { anthropicAdapter } from './anthropic-adapter';

const settings: ProviderSettings = {
  name: 'anthropic',
  type: 'anthropic',
  baseUrl: 'https://api.anthropic.com',
  apiKey: 'sk-ant-secret',
  timeoutMs: 1000,
  connectTimeoutMs: 1000,
  maxConnections: 4,
};

describe('anthropicAdapter.prepare', () => {
  it('authenticates with x-api-key and defaults anthropic-version', () => {
    const prepared = anthropicAdapter.prepare(settings, { operation: 'generate', dialect: 'anthropic-messages', body: '{}', clientHeaders: {} });
    expect(prepared).toMatchObject({ method: 'POST', path: '/v1/messages', body: '{}' });
    expect(prepared.headers).toEqual({ 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'x-api-key': 'sk-ant-secret' });
  });

  it('passes the client anthropic-version, anthropic-beta and query, and never the client authorization', () => {
    const prepared = anthropicAdapter.prepare(settings, {
      operation: 'generate',
      dialect: 'anthropic-messages',
      body: '{}',
      clientHeaders: { 'anthropic-version': '2024-01-01', 'anthropic-beta': ['a-1', 'b-2'], authorization: 'Bearer client', 'x-api-key': 'client' },
      query: 'beta=true',
    });
    expect(prepared.path).toBe('/v1/messages?beta=true');
    expect(prepared.headers['anthropic-version']).toBe('2024-01-01');
    expect(prepared.headers['anthropic-beta']).toBe('a-1,b-2');
    expect(prepared.headers['x-api-key']).toBe('sk-ant-secret');
    expect(prepared.headers.authorization).toBeUndefined();
  });

  it.each([
    ['https://proxy.example/anthropic', '/anthropic/v1/messages/count_tokens'],
    ['https://proxy.example/anthropic/v1', '/anthropic/v1/messages/count_tokens'],
  ])('keeps a base path prefix of %s', (baseUrl, path) => {
    const prepared = anthropicAdapter.prepare({ ...settings, baseUrl }, { operation: 'count_tokens', dialect: 'anthropic-messages', body: '{}', clientHeaders: {} });
    expect(prepared.path).toBe(path);
  });
});

describe('anthropicAdapter.mapError', () => {
  const body = (type: string) => JSON.stringify({ type: 'error', error: { type, message: `m-${type}` } });

  it.each([
    [400, 'invalid_request_error', 'invalid_request', false],
    [404, 'not_found_error', 'not_found', false],
    [413, 'request_too_large', 'request_too_large', false],
    [429, 'rate_limit_error', 'rate_limited', true],
    [500, 'api_error', 'upstream', true],
    [529, 'overloaded_error', 'overloaded', true],
  ])('maps %i %s to %s (retryable %s)', (status, type, code, retryable) => {
    const error = anthropicAdapter.mapError(status, body(type), { 'retry-after': '12' });
    expect(error).toMatchObject({ code, status, retryable, retryAfter: 12, upstreamType: type, message: `m-${type}` });
    expect(error.upstream?.body).toBe(body(type));
  });

  it('hides what the upstream said when it refused the gateway credentials', () => {
    const error = anthropicAdapter.mapError(401, body('authentication_error'), {});
    expect(error).toMatchObject({ code: 'upstream', status: 502, retryable: true, upstreamStatus: 401 });
    expect(error.upstream).toBeUndefined();
  });

  it('wraps a body that is not Anthropic JSON', () => {
    const error = anthropicAdapter.mapError(502, '<html>bad gateway</html>', {});
    expect(JSON.parse(error.upstream!.body)).toEqual({ type: 'error', error: { type: 'api_error', message: '<html>bad gateway</html>' } });
  });
});
