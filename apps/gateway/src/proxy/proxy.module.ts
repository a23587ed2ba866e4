import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { RoutingModule } from '../routing/routing.module';
import { AdmissionChecks } from './admission-checks';
import { ProxyController } from './proxy.controller';
import { ProxyService } from './proxy.service';

@Module({ imports: [ProvidersModule, RoutingModule], controllers: [ProxyController], providers: [ProxyService, AdmissionChecks], exports: [AdmissionChecks] })
export class ProxyModule {}
