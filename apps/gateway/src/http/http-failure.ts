import { GatewayError, type GatewayErrorCode, isGatewayError, renderError, type RenderedError } from '@gatehouse/translate';
import { dialectOfPath } from './dialect-of-path';

const codeByStatus: Record<number, GatewayErrorCode> = {
  400: 'invalid_request',
  401: 'authentication',
  403: 'permission',
  404: 'not_found',
  413: 'request_too_large',
  415: 'invalid_request',
  429: 'rate_limited',
  503: 'overloaded',
  504: 'timeout',
};

/** A failure raised by Fastify or Nest (no route, body too large, bad content) rendered in the dialect of the path. */
export function renderHttpFailure(url: string, error: unknown, bodyLimit: number): RenderedError {
  return renderError(dialectOfPath(url), toGatewayError(url, error, bodyLimit));
}

function toGatewayError(url: string, error: unknown, bodyLimit: number): GatewayError {
  if (isGatewayError(error)) return error;
  const status = statusOf(error);
  const code = codeByStatus[status] ?? 'upstream';
  if (status === 413) {
    return new GatewayError(code, `The request body is larger than the gateway's limit of ${bodyLimit} bytes`);
  }
  if (status === 404) {
    const path = url.split('?')[0];
    return new GatewayError(code, `There is no route ${path} on this gateway`);
  }
  if (status >= 500) return new GatewayError('upstream', 'The gateway failed to handle the request', { status, cause: error });
  return new GatewayError(code, messageOf(error), { status });
}

function statusOf(error: unknown): number {
  const candidate = error as { statusCode?: unknown; getStatus?: () => number };
  if (typeof candidate?.getStatus === 'function') return candidate.getStatus();
  return typeof candidate?.statusCode === 'number' ? candidate.statusCode : 500;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
