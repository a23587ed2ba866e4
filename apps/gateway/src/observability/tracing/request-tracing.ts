import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { type GatehouseConfig } from '../../config';
import { GATEHOUSE_CONFIG } from '../../config/config.token';
import { ConfigLabels } from '../config-labels';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { type ClientEndpoint, type RequestOutcome } from '../request-outcome';
import { OtelRequestSpan, type TracingSetup } from './otel-request-span';
import { NO_REQUEST_SPAN, type RequestSpan } from './request-span';

/**
 * Where the proxy opens a request's span. With telemetry off every request gets the same no-op span, so the hot path
 * allocates nothing for tracing. Owns the SDK's shutdown (spans still pending are flushed when the app closes).
 */
@Injectable()
export class RequestTracing implements OnApplicationShutdown {
  private readonly setup?: TracingSetup;

  constructor(
    @Inject(OBSERVABILITY_OPTIONS) options: ObservabilityOptions,
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(ConfigLabels) labels: ConfigLabels,
  ) {
    if (options.telemetry) this.setup = { telemetry: options.telemetry, labels, captureContent: config.telemetry.capture_content };
  }

  get enabled(): boolean {
    return this.setup !== undefined;
  }

  /** Opens the SERVER span of a /v1 request; `outcome` is the tracker's, read again when attempts start. */
  startRequest(request: FastifyRequest, endpoint: ClientEndpoint, outcome: Partial<RequestOutcome>): RequestSpan {
    return this.setup ? new OtelRequestSpan(this.setup, request, endpoint, outcome) : NO_REQUEST_SPAN;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.setup?.telemetry.shutdown();
  }
}
