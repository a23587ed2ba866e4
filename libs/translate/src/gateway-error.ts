import { type Dialect } from './dialect';

export type GatewayErrorCode =
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'request_too_large'
  | 'rate_limited'
  | 'budget_exceeded'
  | 'overloaded'
  | 'upstream'
  | 'timeout';

const defaultStatus: Record<GatewayErrorCode, number> = {
  invalid_request: 400,
  authentication: 401,
  permission: 403,
  not_found: 404,
  request_too_large: 413,
  rate_limited: 429,
  budget_exceeded: 429,
  overloaded: 503,
  upstream: 502,
  timeout: 504,
};

export interface GatewayErrorOptions {
  status?: number;
  /** Whether another attempt (retry or fallback) may succeed. */
  retryable?: boolean;
  /** Seconds, as the upstream or a limiter asked. */
  retryAfter?: number;
  /** The field the error is about, as a JSON path (`messages[0].content`). */
  param?: string;
  /** The upstream's own error type string, kept so that a same-dialect client sees what the upstream said. */
  upstreamType?: string;
  /** The status the upstream answered with; absent for connection errors and gateway-made errors. */
  upstreamStatus?: number;
  /** The upstream's error body and its dialect, so a client of that same dialect gets the upstream's own bytes. */
  upstream?: { dialect: Dialect; body: string };
  cause?: unknown;
}

/** The one error type of the gateway; each client dialect renders it in its own shape. */
export class GatewayError extends Error {
  readonly status: number;
  readonly retryable: boolean;
  readonly retryAfter?: number;
  readonly param?: string;
  readonly upstreamType?: string;
  readonly upstreamStatus?: number;
  readonly upstream?: { dialect: Dialect; body: string };

  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    options: GatewayErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.status = options.status ?? defaultStatus[code];
    this.retryable = options.retryable ?? false;
    this.retryAfter = options.retryAfter;
    this.param = options.param;
    this.upstreamType = options.upstreamType;
    this.upstreamStatus = options.upstreamStatus;
    this.upstream = options.upstream;
  }
}

export const isGatewayError = (value: unknown): value is GatewayError => value instanceof GatewayError;
