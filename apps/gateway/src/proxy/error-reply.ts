import { type FastifyReply } from 'fastify';
import { type Dialect, GatewayError, isGatewayError, renderError } from '@gatehouse/translate';

/** Any thrown value as a GatewayError: what is not one already is an internal failure, and says so without detail. */
export function asGatewayError(error: unknown): GatewayError {
  if (isGatewayError(error)) return error;
  return new GatewayError('upstream', 'The gateway failed to handle the request', { status: 500, cause: error });
}

export function sendError(reply: FastifyReply, dialect: Dialect, error: GatewayError): void {
  const rendered = renderError(dialect, error);
  reply.status(rendered.status).headers(rendered.headers).header('content-type', 'application/json').send(rendered.body);
}
