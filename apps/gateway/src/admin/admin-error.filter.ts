import { type ArgumentsHost, Catch, type ExceptionFilter, Inject, Logger } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { isGatewayError } from '@gatehouse/translate';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { renderHttpFailure } from '../http/http-failure';
import { AdminValidationError } from './admin-validation-error';

/**
 * Admin API errors: OpenAI's error shape like the rest of the gateway, plus `issues` (each bad field's path and
 * message) on validation failures. Unexpected errors are logged and answered as a 500 without their details.
 */
@Catch()
export class AdminErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('AdminApi');

  constructor(@Inject(GATEHOUSE_CONFIG) private readonly config: GatehouseConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (reply.sent) return;
    const rendered = renderHttpFailure(request.url, exception, this.config.server.body_limit);
    if (rendered.status >= 500 && !isGatewayError(exception)) {
      this.logger.error(`${request.method} ${request.url.split('?')[0]} failed: ${exception instanceof Error ? exception.message : String(exception)}`);
    }
    let body = rendered.body;
    if (exception instanceof AdminValidationError) {
      const parsed = JSON.parse(body) as { error: Record<string, unknown> };
      parsed.error.issues = exception.issues;
      body = JSON.stringify(parsed);
    }
    reply.status(rendered.status).headers(rendered.headers).header('content-type', 'application/json').send(body);
  }
}
