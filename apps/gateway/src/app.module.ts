import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type GatehouseConfig } from './config';
import { GATEHOUSE_CONFIG } from './config/config.token';
import { HealthModule } from './health/health.module';
import { ObservabilityModule } from './observability/observability.module';
import { type ObservabilityOptions } from './observability/observability-options';
import { ProxyModule } from './proxy/proxy.module';
import { RedisModule } from './redis/redis.module';
import { ResponsesStoreModule } from './responses-store/responses-store.module';
import { AdminModule } from './admin/admin.module';
import { EffectiveConfigModule } from './admin/effective-config.module';
import { AuthModule } from './auth/auth.module';
import { BudgetsModule } from './budgets/budgets.module';
import { PersistenceModule } from './persistence/persistence.module';
import { UsageModule } from './usage/usage.module';
import { LimitsModule } from './limits/limits.module';
import { RoutingModule } from './routing/routing.module';

@Global()
@Module({})
class ConfigModule {
  static of(config: GatehouseConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: GATEHOUSE_CONFIG, useValue: config }], exports: [GATEHOUSE_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static forConfig(config: GatehouseConfig, observability: ObservabilityOptions = {}): DynamicModule {
    return { module: AppModule, imports: [ConfigModule.of(config), RedisModule, ObservabilityModule.forRoot(observability), ProxyModule, HealthModule, PersistenceModule, EffectiveConfigModule, AuthModule, BudgetsModule, UsageModule, AdminModule, RoutingModule, LimitsModule, ResponsesStoreModule] };
  }
}
