import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { canConnect } from '../health/provider-reachability';
import { ConfiguredProviders } from '../providers/configured-providers';

export interface ProviderHealthStatus {
  provider: string;
  /** Undefined until a background check ran (providers without `health_check` are never marked down). */
  healthy?: boolean;
  checkedAt?: string;
  detail?: string;
}

const START_CHECK_TIMEOUT_MS = 3_000;

/**
 * Upstream health. At start every provider gets a TCP reachability check and the unreachable ones are logged (a
 * TCP check sends no request an upstream would log or bill). Providers with `health_check` are also checked in the
 * background every `interval` by listing their models over HTTP (any answer below 500 is healthy); while one fails,
 * routing skips it, unless every target is down.
 */
@Injectable()
export class ProviderHealth implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ProviderHealth');
  private readonly statuses = new Map<string, ProviderHealthStatus>();
  private readonly timers: NodeJS.Timeout[] = [];
  /** The start-up reachability check, running in the background (start-up does not wait for it). */
  startCheck?: Promise<void>;

  constructor(
    @Inject(GATEHOUSE_CONFIG) private readonly config: GatehouseConfig,
    @Inject(ConfiguredProviders) private readonly providers: ConfiguredProviders,
  ) {
    for (const provider of config.providers) this.statuses.set(provider.name, { provider: provider.name });
  }

  onApplicationBootstrap(): void {
    this.startCheck = this.logUnreachable();
    for (const provider of this.config.providers) {
      const settings = provider.health_check;
      if (!settings) continue;
      const check = () => void this.check(provider.name, settings.timeout);
      check();
      const timer = setInterval(check, settings.interval);
      // Background checks never keep the process alive on their own.
      timer.unref();
      this.timers.push(timer);
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }

  /** Why routing should skip the provider now, or undefined. */
  unavailableReason(provider: string): string | undefined {
    const status = this.statuses.get(provider);
    return status?.healthy === false ? `health check failing (${status.detail ?? 'unhealthy'})` : undefined;
  }

  status(): ProviderHealthStatus[] {
    return [...this.statuses.values()].map((status) => ({ ...status }));
  }

  /** Lists the provider's models over HTTP; records and returns whether it answered below 500 within the timeout. */
  async check(name: string, timeoutMs: number): Promise<boolean> {
    const provider = this.providers.get(name);
    if (!provider) return false;
    let healthy = false;
    let detail: string | undefined;
    try {
      const prepared = provider.adapter.prepare(provider.settings, { operation: 'models', dialect: provider.adapter.dialects[0]!, clientHeaders: {} });
      const response = await provider.pool.send(prepared, AbortSignal.timeout(timeoutMs));
      response.body.resume();
      healthy = response.status < 500;
      if (!healthy) detail = `status ${response.status}`;
    } catch (error) {
      detail = (error as Error).message;
    }
    const previous = this.statuses.get(name);
    if (!healthy && previous?.healthy !== false) this.logger.warn(`upstream "${name}" failed its health check: ${detail}`);
    if (healthy && previous?.healthy === false) this.logger.log(`upstream "${name}" is healthy again`);
    this.statuses.set(name, { provider: name, healthy, checkedAt: new Date().toISOString(), ...(detail ? { detail } : {}) });
    return healthy;
  }

  private async logUnreachable(): Promise<void> {
    const providers = this.providers.all;
    const reachable = await Promise.all(providers.map((provider) => canConnect(provider.settings.baseUrl, START_CHECK_TIMEOUT_MS)));
    providers.forEach((provider, index) => {
      if (!reachable[index]) this.logger.warn(`upstream "${provider.settings.name}" is unreachable at ${new URL(provider.settings.baseUrl).origin}`);
    });
  }
}
