import { text } from 'node:stream/consumers';
import { type ProviderStatus, type ProviderTestResult } from '@gatehouse/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { GatewayError, isGatewayError } from '@gatehouse/translate';
import { maskSecrets } from '../../config';
import { canConnect } from '../../health/provider-reachability';
import { ConfiguredProviders } from '../../providers/configured-providers';
import { EffectiveConfig } from '../effective-config';
import { ProviderBreakerStates } from './provider-breaker-states';

const REACHABILITY_TIMEOUT_MS = 2000;
const REACHABILITY_CACHE_MS = 5000;
const TEST_CALL_TIMEOUT_MS = 10_000;

/** Providers as the admin API shows them: where they are (credentials masked), which models use them, how they are. */
@Injectable()
export class ProviderStatusService {
  private readonly reachability = new Map<string, { at: number; reachable: Promise<boolean> }>();

  constructor(
    @Inject(ConfiguredProviders) private readonly providers: ConfiguredProviders,
    @Inject(EffectiveConfig) private readonly effective: EffectiveConfig,
    @Inject(ProviderBreakerStates) private readonly breakers: ProviderBreakerStates,
  ) {}

  async list(now = Date.now()): Promise<ProviderStatus[]> {
    const masked = maskSecrets(this.effective.config).providers;
    return Promise.all(
      masked.map(async (provider) => {
        const checked = this.checkReachability(provider.name, provider.base_url, now);
        return {
          name: provider.name,
          type: provider.type,
          base_url: provider.base_url,
          models: this.effective.models.filter((model) => model.targets.some((target) => target.provider === provider.name)).map((model) => model.name),
          health: { reachable: await checked.reachable, checked_at: new Date(checked.at).toISOString() },
          breaker: this.breakers.stateOf(provider.name),
        };
      }),
    );
  }

  /** One real, cheap call through the provider's own pool and credentials: its model list. */
  async test(name: string): Promise<ProviderTestResult> {
    const provider = this.providers.get(name);
    if (!provider) throw new GatewayError('not_found', `There is no provider "${name}"`);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const prepared = provider.adapter.prepare(provider.settings, { operation: 'models', dialect: provider.adapter.dialects[0]!, clientHeaders: {} });
      const response = await provider.pool.send(prepared, AbortSignal.timeout(TEST_CALL_TIMEOUT_MS));
      const body = await text(response.body);
      if (response.status >= 400) {
        const error = provider.adapter.mapError(response.status, body, response.headers);
        return { provider: name, ok: false, status: response.status, latency_ms: elapsed(), error: error.message };
      }
      return { provider: name, ok: true, status: response.status, latency_ms: elapsed(), error: null };
    } catch (error) {
      const message = isGatewayError(error) ? error.message : error instanceof Error ? error.message : String(error);
      return { provider: name, ok: false, status: null, latency_ms: elapsed(), error: message };
    }
  }

  private checkReachability(name: string, baseUrl: string, now: number): { at: number; reachable: Promise<boolean> } {
    const cached = this.reachability.get(name);
    if (cached && now - cached.at < REACHABILITY_CACHE_MS) return cached;
    const checked = { at: now, reachable: canConnect(this.providers.get(name)?.settings.baseUrl ?? baseUrl, REACHABILITY_TIMEOUT_MS) };
    this.reachability.set(name, checked);
    return checked;
  }
}
