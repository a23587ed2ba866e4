import { type Readable } from 'node:stream';
import { Pool, errors } from 'undici';
import { GatewayError } from '@gatehouse/translate';
import { type PreparedRequest } from './provider-adapter';
import { type ProviderSettings } from './provider-settings';

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

/** A keep-alive connection pool to one provider's origin; every failure comes out as a GatewayError. */
export class UpstreamPool {
  private readonly pool: Pool;

  constructor(private readonly settings: ProviderSettings) {
    this.pool = new Pool(new URL(settings.baseUrl).origin, {
      connections: settings.maxConnections,
      connectTimeout: settings.connectTimeoutMs,
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
      keepAliveTimeout: 30_000,
      pipelining: 1,
    });
  }

  async send(request: PreparedRequest, signal?: AbortSignal): Promise<UpstreamResponse> {
    try {
      const response = await this.pool.request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        signal,
      });
      return { status: response.statusCode, headers: response.headers, body: response.body };
    } catch (error) {
      throw this.toGatewayError(error);
    }
  }

  /** Turns what undici throws (while connecting, or later while reading the body) into a typed gateway error. */
  toGatewayError(error: unknown): GatewayError {
    if (error instanceof GatewayError) return error;
    const provider = this.settings.name;
    if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError) {
      return new GatewayError('timeout', `provider "${provider}" did not answer within ${this.settings.timeoutMs} ms`, {
        retryable: true,
        cause: error,
      });
    }
    if (error instanceof errors.RequestAbortedError || (error as Error)?.name === 'AbortError') {
      return new GatewayError('upstream', `the request to provider "${provider}" was aborted`, { status: 499, cause: error });
    }
    const code = (error as { code?: string })?.code ?? (error as Error)?.message ?? 'unknown error';
    return new GatewayError('upstream', `could not reach provider "${provider}" (${code})`, {
      status: 502,
      retryable: true,
      cause: error,
    });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
