import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type GatehouseConfig } from './config';
import { GATEHOUSE_CONFIG } from './config/config.token';
import { HealthModule } from './health/health.module';
import { ObservabilityModule } from './observability/observability.module';
import { ProxyModule } from './proxy/proxy.module';
import { RedisModule } from './redis/redis.module';

@Global()
@Module({})
class ConfigModule {
  static of(config: GatehouseConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: GATEHOUSE_CONFIG, useValue: config }], exports: [GATEHOUSE_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static forConfig(config: GatehouseConfig): DynamicModule {
    return { module: AppModule, imports: [ConfigModule.of(config), RedisModule, ObservabilityModule, ProxyModule, HealthModule] };
  }
}
