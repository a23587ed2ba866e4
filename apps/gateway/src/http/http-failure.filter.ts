import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { renderHttpFailure } from './http-failure';

/** Renders what Nest throws outside the proxy's own handling (unknown routes, admin errors) in the caller's format. */
@Catch()
export class HttpFailureFilter implements ExceptionFilter {
  constructor(private readonly bodyLimit: number) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (reply.sent) return;
    const rendered = renderHttpFailure(request.url, exception, this.bodyLimit);
    reply.status(rendered.status).headers(rendered.headers).header('content-type', 'application/json').send(rendered.body);
  }
}
