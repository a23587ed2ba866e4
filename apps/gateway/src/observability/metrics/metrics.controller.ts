import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type GatehouseConfig } from '../../config';
import { GATEHOUSE_CONFIG } from '../../config/config.token';
import { bearerTokenMatches } from './bearer-token-matches';
import { GatewayMetrics } from './gateway-metrics';

/** GET /metrics in the Prometheus text format; open unless telemetry.metrics_token is set, 404 with telemetry.metrics: false. */
@Controller()
export class MetricsController {
  private readonly token?: string;

  constructor(
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(GatewayMetrics) private readonly metrics: GatewayMetrics,
  ) {
    this.token = config.telemetry.metrics_token;
  }

  @Get('metrics')
  async metricsText(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.metrics.enabled) {
      await reply.status(404).send({ error: { type: 'not_found_error', message: 'Metrics are switched off (telemetry.metrics: false)' } });
      return;
    }
    if (this.token !== undefined && !bearerTokenMatches(request.headers.authorization, this.token)) {
      await reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ error: { type: 'authentication_error', message: 'GET /metrics needs Authorization: Bearer <telemetry.metrics_token>' } });
      return;
    }
    const text = await this.metrics.render();
    await reply.status(200).header('content-type', this.metrics.contentType).send(text);
  }
}
