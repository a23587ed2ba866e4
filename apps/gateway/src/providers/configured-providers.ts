import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type ProviderAdapter, type ProviderSettings, UpstreamPool, providerAdapters } from '@gatehouse/providers';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { type GatehouseConfig } from '../config';

export interface ConfiguredProvider {
  settings: ProviderSettings;
  adapter: ProviderAdapter;
  pool: UpstreamPool;
}

/** The providers of the config, each with its adapter and its one keep-alive pool, made once at start. */
@Injectable()
export class ConfiguredProviders implements OnApplicationShutdown {
  private readonly byName = new Map<string, ConfiguredProvider>();

  constructor(@Inject(GATEHOUSE_CONFIG) config: GatehouseConfig) {
    for (const provider of config.providers) {
      const adapter = providerAdapters[provider.type];
      if (!adapter) throw new Error(`unknown provider type "${provider.type}"`);
      const settings: ProviderSettings = {
        name: provider.name,
        type: provider.type,
        baseUrl: provider.base_url,
        apiKey: provider.api_key || undefined,
        timeoutMs: provider.timeout,
        connectTimeoutMs: provider.connect_timeout,
        maxConnections: provider.max_connections,
        headers: provider.headers,
        responsesApi: provider.responses_api,
      };
      this.byName.set(provider.name, { settings, adapter, pool: new UpstreamPool(settings) });
    }
  }

  get(name: string): ConfiguredProvider | undefined {
    return this.byName.get(name);
  }

  get all(): ConfiguredProvider[] {
    return [...this.byName.values()];
  }

  get isEmpty(): boolean {
    return this.byName.size === 0;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all.map((provider) => provider.pool.close()));
  }
}
