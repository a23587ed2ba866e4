import { type Dialect, type GatewayError } from '@gatehouse/translate';
import { type ProviderSettings } from './provider-settings';

/** What the gateway asks of an upstream: an operation in a dialect the provider speaks. */
export type UpstreamOperation = 'generate' | 'count_tokens' | 'embeddings' | 'models';

export interface UpstreamCall {
  operation: UpstreamOperation;
  dialect: Dialect;
  /** The serialised request body, exactly as it will be sent. */
  body?: string | Buffer;
  /** Headers from the client that a provider may pass on (anthropic-version, anthropic-beta, traceparent). */
  clientHeaders: Readonly<Record<string, string | string[] | undefined>>;
  /** The client's query string without `?`, passed on where the provider defines one (Anthropic's `beta=true`). */
  query?: string;
}

export interface PreparedRequest {
  method: 'GET' | 'POST';
  /** Path and query, relative to the provider's origin. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** One kind of provider: how to address it and how to read its errors. Each kind lives in its own folder. */
export interface ProviderAdapter {
  readonly type: string;
  /** The dialects this provider kind can speak for `generate`, its main one first. */
  readonly dialects: readonly Dialect[];
  /** The dialects one configured provider of this kind speaks (an OpenAI-compatible server may lack /v1/responses). */
  speaks(settings: ProviderSettings, dialect: Dialect): boolean;
  /** Whether the provider counts tokens itself (Anthropic's count_tokens). */
  readonly countsTokens: boolean;
  prepare(settings: ProviderSettings, call: UpstreamCall): PreparedRequest;
  mapError(status: number, body: string, headers: Readonly<Record<string, string | string[] | undefined>>): GatewayError;
}
