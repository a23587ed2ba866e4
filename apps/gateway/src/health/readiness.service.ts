import { Inject, Injectable } from '@nestjs/common';
import { ConfiguredProviders } from '../providers/configured-providers';
import { Database } from '../persistence/database';
import { canConnect } from './provider-reachability';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

const PROVIDER_CHECK_TIMEOUT_MS = 2000;
const CACHE_MS = 5000;

/** Readiness: at least one provider reachable (the database and Redis join when they exist). Cached briefly so probes stay cheap. */
@Injectable()
export class ReadinessService {
  private cached?: { at: number; report: Promise<ReadinessReport> };

  constructor(
    @Inject(ConfiguredProviders) private readonly providers: ConfiguredProviders,
    @Inject(Database) private readonly database: Database,
  ) {}

  report(now = Date.now()): Promise<ReadinessReport> {
    if (!this.cached || now - this.cached.at > CACHE_MS) this.cached = { at: now, report: this.check() };
    return this.cached.report;
  }

  private async check(): Promise<ReadinessReport> {
    const checks: ReadinessReport['checks'] = {};
    const providers = this.providers.all;
    const [reachable, database] = await Promise.all([
      Promise.all(providers.map((p) => canConnect(p.settings.baseUrl, PROVIDER_CHECK_TIMEOUT_MS))),
      this.database.ping(),
    ]);
    checks.database = database;
    providers.forEach((provider, index) => {
      checks[`provider:${provider.settings.name}`] = reachable[index] ? { ok: true } : { ok: false, detail: 'unreachable' };
    });
    const anyProvider = reachable.some(Boolean);
    checks.providers = anyProvider
      ? { ok: true }
      : { ok: false, detail: providers.length === 0 ? 'no provider is configured' : 'no provider is reachable' };
    // One unreachable provider among several does not make the gateway unready; a failed database or Redis does.
    const infrastructureOk = Object.entries(checks).every(([name, check]) => name.startsWith('provider') || check.ok);
    return { ready: anyProvider && infrastructureOk, checks };
  }
}
