import { type ProviderAdapter, type UpstreamCall, type PreparedRequest } from '../provider-adapter';
import { type ProviderSettings } from '../provider-settings';
import { parseJsonObject, parseRetryAfter, upstreamStatusError } from '../upstream-status-error';

const DEFAULT_ANTHROPIC_VERSION = '2023-06-01';

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

// https://docs.anthropic.com/en/api/messages — x-api-key auth, anthropic-version required, anthropic-beta optional.
export const anthropicAdapter: ProviderAdapter = {
  type: 'anthropic',
  dialects: ['anthropic-messages'],
  countsTokens: true,
  speaks: (_settings, dialect) => dialect === 'anthropic-messages',

  prepare(settings: ProviderSettings, call: UpstreamCall): PreparedRequest {
    const headers: Record<string, string> = {
      ...settings.headers,
      'content-type': 'application/json',
      'anthropic-version': headerValue(call.clientHeaders['anthropic-version']) ?? DEFAULT_ANTHROPIC_VERSION,
    };
    const beta = headerValue(call.clientHeaders['anthropic-beta']);
    if (beta) headers['anthropic-beta'] = beta;
    if (settings.apiKey) headers['x-api-key'] = settings.apiKey;
    const query = call.query ? `?${call.query}` : '';
    switch (call.operation) {
      case 'generate':
        return { method: 'POST', path: `${basePath(settings)}/v1/messages${query}`, headers, body: call.body };
      case 'count_tokens':
        return { method: 'POST', path: `${basePath(settings)}/v1/messages/count_tokens${query}`, headers, body: call.body };
      case 'models':
        return { method: 'GET', path: `${basePath(settings)}/v1/models`, headers };
      case 'embeddings':
        throw new Error('Anthropic has no embeddings endpoint');
      default: {
        const unreachable: never = call.operation;
        throw new Error(`unhandled operation ${String(unreachable)}`);
      }
    }
  },

  mapError(status, body, headers) {
    const parsed = parseJsonObject(body);
    const error = parsed?.error as { type?: unknown; message?: unknown } | undefined;
    return upstreamStatusError({
      status,
      message: typeof error?.message === 'string' ? error.message : `Anthropic answered ${status}`,
      type: typeof error?.type === 'string' ? error.type : undefined,
      retryAfter: parseRetryAfter(headers['retry-after']),
      dialect: 'anthropic-messages',
      body: parsed?.type === 'error' ? body : JSON.stringify({ type: 'error', error: { type: 'api_error', message: body.slice(0, 500) } }),
    });
  },
};

/** A base_url may carry a path prefix (a corporate proxy); Anthropic's own paths start at /v1. */
function basePath(settings: ProviderSettings): string {
  const path = new URL(settings.baseUrl).pathname.replace(/\/+$/, '');
  return path.endsWith('/v1') ? path.slice(0, -3) : path;
}
