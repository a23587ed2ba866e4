import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { BreakerRegistry } from './breaker-registry';
import { EmbeddingsDomainClassifier } from './embeddings-domain-classifier';
import { ModelRouter } from './model-router';
import { ProviderHealth } from './provider-health';
import { RouteExplainController } from './route-explain.controller';
import { RoutingAdminBridge } from './routing-admin-bridge';

@Module({
  imports: [ProvidersModule],
  controllers: [RouteExplainController],
  providers: [ModelRouter, BreakerRegistry, ProviderHealth, EmbeddingsDomainClassifier, RoutingAdminBridge],
  exports: [ModelRouter, BreakerRegistry, ProviderHealth],
})
export class RoutingModule {}
