import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { AccessLog } from './access-log/access-log';
import { ConfigLabels } from './config-labels';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability-options';
import { RequestObservers } from './request-observers';
import { RequestTracing } from './tracing/request-tracing';

/**
 * Request outcomes and what is made of them: Prometheus metrics (GET /metrics, and over OTLP when set), spans and the
 * access log. Global, so that any module can report to RequestObservers, GatewayMetrics and RequestTracing.
 */
@Global()
@Module({})
export class ObservabilityModule {
  /** Imported once, by AppModule; being global, its exports reach every module without importing it again. */
  static forRoot(options: ObservabilityOptions = {}): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        RequestObservers,
        { provide: OBSERVABILITY_OPTIONS, useValue: options },
        { provide: ConfigLabels, useFactory: (config: GatehouseConfig) => new ConfigLabels(config), inject: [GATEHOUSE_CONFIG] },
        GatewayMetrics,
        RequestTracing,
        AccessLog,
      ],
      exports: [RequestObservers, ConfigLabels, GatewayMetrics, RequestTracing],
    };
  }
}
