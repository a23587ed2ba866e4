import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EffectiveConfig } from '../admin/effective-config';
import { ProviderBreakerStates } from '../admin/providers/provider-breaker-states';
import { BreakerRegistry } from './breaker-registry';
import { ModelRouter } from './model-router';


/**
 * Connects routing to the admin API when the app has one (looked up, not imported, so routing also runs without it):
 * model overrides reach the router without a restart, and the providers page reads circuit states.
 */
@Injectable()
export class RoutingAdminBridge implements OnApplicationBootstrap {
  constructor(
    @Inject(ModuleRef) private readonly modules: ModuleRef,
    @Inject(ModelRouter) private readonly router: ModelRouter,
    @Inject(BreakerRegistry) private readonly breakers: BreakerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const effective = this.find(EffectiveConfig);
    if (effective) {
      this.router.updateModels(effective.models);
      effective.onChange((config) => this.router.updateModels(config.models));
    }
    // A provider shows the worst circuit among its targets.
    this.find(ProviderBreakerStates)?.register((provider) => (this.breakers.enabled ? this.breakers.providerStatus(provider) : undefined));
  }

  private find<T>(token: new (...args: never[]) => T): T | undefined {
    try {
      return this.modules.get(token, { strict: false });
    } catch {
      return undefined;
    }
  }
}
