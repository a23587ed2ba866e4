import { type ProviderAdapter, type UpstreamCall, type PreparedRequest } from '../provider-adapter';
import { type ProviderSettings } from '../provider-settings';
import { parseJsonObject, parseRetryAfter, upstreamStatusError } from '../upstream-status-error';

// Any OpenAI-compatible server (OpenAI, vLLM, Ollama, llama.cpp): base_url ends in /v1, Bearer auth.
// https://platform.openai.com/docs/api-reference/chat
export const openAIAdapter: ProviderAdapter = {
  type: 'openai',
  dialects: ['openai-chat', 'openai-responses'],
  countsTokens: false,
  // Chat Completions everywhere; the Responses API only where the config says the server has it (OpenAI does, vLLM may).
  speaks: (settings, dialect) => dialect === 'openai-chat' || (dialect === 'openai-responses' && settings.responsesApi === true),

  prepare(settings: ProviderSettings, call: UpstreamCall): PreparedRequest {
    const headers: Record<string, string> = { ...settings.headers, 'content-type': 'application/json' };
    if (settings.apiKey) headers.authorization = `Bearer ${settings.apiKey}`;
    const base = new URL(settings.baseUrl).pathname.replace(/\/+$/, '');
    switch (call.operation) {
      case 'generate':
        return {
          method: 'POST',
          path: `${base}${call.dialect === 'openai-responses' ? '/responses' : '/chat/completions'}`,
          headers,
          body: call.body,
        };
      case 'embeddings':
        return { method: 'POST', path: `${base}/embeddings`, headers, body: call.body };
      case 'models':
        return { method: 'GET', path: `${base}/models`, headers };
      case 'count_tokens':
        throw new Error('OpenAI-compatible servers have no count_tokens endpoint; count locally');
      default: {
        const unreachable: never = call.operation;
        throw new Error(`unhandled operation ${String(unreachable)}`);
      }
    }
  },

  mapError(status, body, headers) {
    const parsed = parseJsonObject(body);
    // OpenAI nests the error; some compatible servers (older vLLM) put message and type at the top level.
    const error = (parsed?.error ?? parsed) as { type?: unknown; message?: unknown } | undefined;
    const message = typeof error?.message === 'string' ? error.message : `upstream answered ${status}`;
    return upstreamStatusError({
      status,
      message,
      type: typeof error?.type === 'string' ? error.type : undefined,
      retryAfter: parseRetryAfter(headers['retry-after']),
      dialect: 'openai-chat',
      body: parsed?.error ? body : JSON.stringify({ error: { message, type: 'server_error', param: null, code: null } }),
    });
  },
};
