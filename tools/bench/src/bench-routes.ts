import { type RequestSpec } from './load-jobs';
import { type StreamDialect } from './sse-content-counter';

export type Dialect = StreamDialect;

/** What a request carries: a short chat, the same as a stream, or a 130 KB prompt. */
export type Payload = 'json' | 'stream' | 'large-prompt';

export type RouteId = 'openai-openai' | 'openai-anthropic' | 'anthropic-openai' | 'anthropic-anthropic';

/** A path through the gateway: the dialect the client speaks and the one its upstream speaks. */
export interface Route {
  id: RouteId;
  label: string;
  client: Dialect;
  upstream: Dialect;
  /** The gateway model name that leads to an upstream of that dialect. */
  model: string;
}

export const ROUTES: readonly Route[] = [
  { id: 'openai-openai', label: 'OpenAI → OpenAI (pass-through)', client: 'openai-chat', upstream: 'openai-chat', model: 'bench-openai' },
  { id: 'openai-anthropic', label: 'OpenAI → Anthropic (translation)', client: 'openai-chat', upstream: 'anthropic-messages', model: 'bench-anthropic' },
  { id: 'anthropic-openai', label: 'Anthropic → OpenAI (translation)', client: 'anthropic-messages', upstream: 'openai-chat', model: 'bench-openai' },
  { id: 'anthropic-anthropic', label: 'Anthropic → Anthropic (pass-through)', client: 'anthropic-messages', upstream: 'anthropic-messages', model: 'bench-anthropic' },
];

export function isPassThrough(route: Route): boolean {
  return route.client === route.upstream;
}

export const DIALECT_LABEL: Record<Dialect, string> = { 'openai-chat': 'OpenAI', 'anthropic-messages': 'Anthropic' };

const LARGE_PROMPT_BYTES = 130 * 1024;
let largePrompt: string | undefined;

/** About 130 KB of plain prose-like text: many distinct words, so nothing downstream can special-case it. */
function largePromptText(): string {
  if (largePrompt) return largePrompt;
  const words = ['gateway', 'latency', 'request', 'stream', 'token', 'budget', 'model', 'upstream', 'anthropic', 'openai', 'proxy', 'bench'];
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < LARGE_PROMPT_BYTES; index++) {
    const word = `${words[index % words.length]}${index % 97}`;
    parts.push(word);
    length += word.length + 1;
  }
  largePrompt = parts.join(' ');
  return largePrompt;
}

/**
 * The request a client of `dialect` sends for `payload`. Chat Completions streams ask for usage
 * (`stream_options.include_usage`), as a client that counts its tokens does.
 */
export function requestFor(dialect: Dialect, model: string, payload: Payload, apiKey: string): RequestSpec {
  const text = payload === 'large-prompt' ? largePromptText() : 'Say hello to the benchmark.';
  const stream = payload === 'stream';
  if (dialect === 'openai-chat') {
    return {
      path: '/v1/chat/completions',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        model,
        messages: [{ role: 'user', content: text }],
        max_tokens: 64,
        ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
      }),
      ...(stream ? { stream: dialect } : {}),
    };
  }
  return {
    path: '/v1/messages',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({ model, max_tokens: 64, messages: [{ role: 'user', content: text }], ...(stream ? { stream: true } : {}) }),
    ...(stream ? { stream: dialect } : {}),
  };
}
