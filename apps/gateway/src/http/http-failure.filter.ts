import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type GatewayError, isGatewayError } from '@gatehouse/translate';
import { type ClientEndpoint } from '../observability/request-outcome';
import { proxyEndpointOf } from '../proxy/proxy-endpoint';
import { renderHttpFailure } from './http-failure';

/** Told of a proxy request refused before the proxy saw it (ProxyService, which observes it as it does the others). */
export interface RefusalObserver {
  refused(endpoint: ClientEndpoint, request: FastifyRequest, reply: FastifyReply, error: GatewayError): void;
}

/** Renders what Nest throws outside the proxy's own handling (unknown routes, refused keys, admin errors) in the caller's format. */
@Catch()
export class HttpFailureFilter implements ExceptionFilter {
  constructor(
    private readonly bodyLimit: number,
    private readonly refusals?: RefusalObserver,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (reply.sent) return;
    // The proxy handles every failure of its own: on its routes, what lands here was refused before it (the key guard).
    const endpoint = proxyEndpointOf(request);
    if (endpoint !== undefined && isGatewayError(exception)) this.refusals?.refused(endpoint, request, reply, exception);
    const rendered = renderHttpFailure(request.url, exception, this.bodyLimit);
    reply.status(rendered.status).headers(rendered.headers).header('content-type', 'application/json').send(rendered.body);
  }
}
