import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { type GatehouseConfig } from './config';
import { serveDashboard } from './dashboard/dashboard-assets';
import { HttpFailureFilter } from './http/http-failure.filter';
import { installBodyParsers } from './http/raw-body-parser';
import { requestIdOf } from './http/request-id';

export interface GatewayAppOptions {
  /** Where the built dashboard lives; /ui serves it. */
  dashboardDir: string;
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
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), adapter, {
    bodyParser: false,
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  installBodyParsers(fastify, bodyLimit);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.useGlobalFilters(new HttpFailureFilter(bodyLimit));
  serveDashboard(app, options.dashboardDir);
  return app;
}
