/** What a provider adapter and its connection pool need to know of one configured provider. */
export interface ProviderSettings {
  name: string;
  type: string;
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
  connectTimeoutMs: number;
  maxConnections: number;
  headers?: Record<string, string>;
  /** OpenAI-compatible servers only: the server speaks /v1/responses natively. */
  responsesApi?: boolean;
}
