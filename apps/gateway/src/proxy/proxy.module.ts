import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { ResponsesFlow } from '../responses/responses-flow';
import { StoredResponsesController } from '../responses/stored-responses.controller';
import { RoutingModule } from '../routing/routing.module';
import { AdmissionChecks } from './admission-checks';
import { ProxyController } from './proxy.controller';
import { ProxyService } from './proxy.service';

@Module({
  imports: [ProvidersModule, RoutingModule],
  controllers: [ProxyController, StoredResponsesController],
  providers: [ProxyService, AdmissionChecks, ResponsesFlow],
  exports: [AdmissionChecks],
})
export class ProxyModule {}
