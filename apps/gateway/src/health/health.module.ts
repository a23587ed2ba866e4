import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

@Module({ imports: [ProvidersModule], controllers: [HealthController], providers: [ReadinessService] })
export class HealthModule {}
