import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { ConfigController } from './config/config.controller';
import { KeyAdminService } from './keys/key-admin.service';
import { KeysController } from './keys/keys.controller';
import { ModelOverridesService } from './models/model-overrides.service';
import { ModelsController } from './models/models.controller';
import { AdminDocsController } from './openapi/admin-docs.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { ProviderBreakerStates } from './providers/provider-breaker-states';
import { ProviderStatusService } from './providers/provider-status.service';
import { ProvidersController } from './providers/providers.controller';
import { TeamAdminService } from './teams/team-admin.service';
import { TeamsController } from './teams/teams.controller';
import { RequestsController } from './usage/requests.controller';
import { UsageController } from './usage/usage.controller';

/** The admin API under /admin/api (the dashboard's and scripts'), guarded by the admin key. */
@Module({
  imports: [ProvidersModule],
  controllers: [
    KeysController,
    TeamsController,
    ModelsController,
    ConfigController,
    ProvidersController,
    UsageController,
    RequestsController,
    OpenApiController,
    AdminDocsController,
  ],
  providers: [KeyAdminService, TeamAdminService, ModelOverridesService, ProviderStatusService, ProviderBreakerStates],
  exports: [ProviderBreakerStates],
})
export class AdminModule {}
