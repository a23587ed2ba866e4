import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { type GatehouseConfig } from './config';
import { serveDashboard } from './dashboard/dashboard-assets';
import { HttpFailureFilter } from './http/http-failure.filter';
import { countInFlightRequests } from './http/in-flight-requests';
import { installProxyBodyReader } from './http/proxy-body-reader';
import { installBodyParsers } from './http/raw-body-parser';
import { requestIdOf } from './http/request-id';
import { type ObservabilityOptions } from './observability/observability-options';
import { startTelemetry } from './observability/tracing/start-telemetry';
import { ProxyService } from './proxy/proxy.service';

export interface GatewayAppOptions {
  /** Where the built dashboard lives; /ui serves it. */
  dashboardDir: string;
  /** The OpenTelemetry SDK main.ts started first; when absent, it is started here from telemetry.* (if on). The app shuts it down. */
  telemetry?: ObservabilityOptions['telemetry'];
  /** Where access-log lines go instead of stdout (tests). */
  accessLogDestination?: ObservabilityOptions['accessLogDestination'];
}

/** Builds the gateway application for a config, ready to `listen`. Used by main.ts and by the integration tests. */
export async function createGatewayApp(config: GatehouseConfig, options: GatewayAppOptions): Promise<NestFastifyApplication> {
  const bodyLimit = config.server.body_limit;
  const adapter = new FastifyAdapter({
    bodyLimit,
    genReqId: requestIdOf,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    logger: false,
  });
  const telemetry = options.telemetry ?? (await startTelemetry(config.telemetry));
  const observability = { telemetry, accessLogDestination: options.accessLogDestination };
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config, observability), adapter, {
    bodyParser: false,
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  countInFlightRequests(app.getHttpServer());
  const fastify = app.getHttpAdapter().getInstance();
  installBodyParsers(fastify, bodyLimit);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  installProxyBodyReader(fastify, bodyLimit);
  app.useGlobalFilters(new HttpFailureFilter(bodyLimit, app.get(ProxyService)));
  serveDashboard(app, options.dashboardDir);
  return app;
}
