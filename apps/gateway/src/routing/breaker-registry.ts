import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  type AttemptFailure,
  type BreakerPolicy,
  type BreakerState,
  DEFAULT_BREAKER_POLICY,
  type ModelTarget,
  breakerAllows,
  breakerOutcome,
  breakerWindow,
} from '@gatehouse/routing';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { GatewayMetrics } from '../observability/metrics/gateway-metrics';
import { RedisConnection } from '../redis/redis-connection';
import { type BreakerStore } from './breaker-store';
import { MemoryBreakerStore } from './memory-breaker-store';
import { RedisBreakerStore } from './redis-breaker-store';

export interface BreakerSnapshot {
  provider: string;
  model: string;
  /** `half_open` once the cool-down is over, even before a probe claimed it. */
  status: 'closed' | 'open' | 'half_open';
  consecutiveFailures: number;
  /** Failures / requests over the window. */
  errorRate: number;
  requests: number;
  openedAt?: string;
  /** When an open circuit lets a probe through. */
  probeAt?: string;
}

const REDIS_ERROR_LOG_INTERVAL_MS = 60_000;
const SEVERITY = { closed: 0, half_open: 1, open: 2 } as const;

export const targetId = (target: Pick<ModelTarget, 'provider' | 'model'>) => `${target.provider}/${target.model}`;

/**
 * One circuit breaker per target (provider + upstream model). Planning reads a local view synchronously (no I/O on
 * the request path); attempts claim and report through the store, in Redis when configured so that all replicas
 * share one circuit per target. Every store reply refreshes the local view. While Redis fails, an in-process store
 * stands in, and the failure is logged once a minute.
 */
@Injectable()
export class BreakerRegistry {
  readonly policy: BreakerPolicy;
  readonly enabled: boolean;
  private readonly store: BreakerStore;
  private readonly standIn: MemoryBreakerStore;
  private readonly view = new Map<string, { target: Pick<ModelTarget, 'provider' | 'model'>; state: BreakerState }>();
  private readonly logger = new Logger('CircuitBreaker');
  private lastRedisErrorLog = -Infinity;
  redisErrors = 0;

  private readonly reportedStates = new Map<string, BreakerSnapshot['status']>();

  constructor(
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(RedisConnection) redis: RedisConnection,
    @Optional() @Inject(GatewayMetrics) private readonly metrics?: GatewayMetrics,
  ) {
    const settings = config.circuit_breaker;
    this.enabled = settings?.enabled ?? true;
    this.policy = settings
      ? {
          consecutiveFailures: settings.failures,
          errorRate: settings.error_rate,
          minimumRequests: settings.min_requests,
          windowMs: settings.window,
          cooldownMs: settings.cooldown,
          // A probe that never reports frees its slot after one cool-down.
          probeTimeoutMs: settings.cooldown,
        }
      : DEFAULT_BREAKER_POLICY;
    this.standIn = new MemoryBreakerStore(this.policy);
    this.store = redis.client ? new RedisBreakerStore(redis.client, this.policy) : this.standIn;
  }

  /** Why the target must be skipped now, or undefined. Synchronous: reads the local view. */
  unavailableReason(target: Pick<ModelTarget, 'provider' | 'model'>, now = Date.now()): string | undefined {
    if (!this.enabled) return undefined;
    const entry = this.view.get(targetId(target));
    if (!entry || breakerAllows(entry.state, this.policy, now)) return undefined;
    return entry.state.status === 'open' ? 'circuit open' : 'circuit half-open, probe in flight';
  }

  /**
   * Claims an attempt right before sending it. True while the circuit is closed (answered from the local view, no
   * round trip); after a cool-down only the one caller that becomes the probe gets true.
   */
  async acquire(target: Pick<ModelTarget, 'provider' | 'model'>, now = Date.now()): Promise<boolean> {
    if (!this.enabled) return true;
    const id = targetId(target);
    const known = this.view.get(id);
    if (!known || known.state.status === 'closed') return true;
    const { granted, state } = await this.withStore((store) => store.acquire(id, now));
    this.remember(id, target, state, now);
    return granted;
  }

  /**
   * Reports how an attempt ended: undefined for success, else its error. Failures that a fallback would route around
   * count against the target; a client's own mistake counts as success; an abort only frees a probe slot.
   * Safe to call without awaiting.
   */
  async record(target: Pick<ModelTarget, 'provider' | 'model'>, error?: AttemptFailure, now = Date.now()): Promise<void> {
    if (!this.enabled) return;
    const id = targetId(target);
    const outcome = breakerOutcome(error);
    if (outcome === 'cancelled' && this.view.get(id)?.state.status !== 'half_open') return;
    const state = await this.withStore((store) => store.record(id, outcome, now));
    this.remember(id, target, state, now);
  }

  /** Seconds until the first of these targets lets a probe through (for the retry-after of a 503). */
  secondsUntilProbe(targets: readonly Pick<ModelTarget, 'provider' | 'model'>[], now = Date.now()): number {
    let soonest = Infinity;
    for (const target of targets) {
      const state = this.view.get(targetId(target))?.state;
      if (state?.status === 'open') soonest = Math.min(soonest, state.openedAt + this.policy.cooldownMs - now);
      if (state?.status === 'half_open') soonest = Math.min(soonest, state.probeUntil - now);
    }
    return Number.isFinite(soonest) ? Math.max(1, Math.ceil(soonest / 1000)) : 1;
  }

  /** The worst circuit among the provider's targets, for the admin API and the breaker gauge. */
  providerStatus(provider: string, now = Date.now()): BreakerSnapshot['status'] {
    let worst: BreakerSnapshot['status'] = 'closed';
    for (const { target, state } of this.view.values()) {
      if (target.provider !== provider) continue;
      const status = this.statusOf(state, now);
      if (SEVERITY[status] > SEVERITY[worst]) worst = status;
    }
    return worst;
  }

  /** A circuit as the admin API shows it: open while cooling down, half-open from then until a probe closes it. */
  private statusOf(state: BreakerState, now: number): BreakerSnapshot['status'] {
    if (state.status === 'closed') return 'closed';
    return state.status === 'open' && !breakerAllows(state, this.policy, now) ? 'open' : 'half_open';
  }

  private remember(id: string, target: Pick<ModelTarget, 'provider' | 'model'>, state: BreakerState, now: number): void {
    this.view.set(id, { target, state });
    if (!this.metrics) return;
    const status = this.providerStatus(target.provider, now);
    if (this.reportedStates.get(target.provider) === status) return;
    this.reportedStates.set(target.provider, status);
    this.metrics.setBreakerState(target.provider, status);
  }

  /** Every target this process has seen, with its circuit, for the admin API. */
  snapshot(now = Date.now()): BreakerSnapshot[] {
    return [...this.view.values()].map(({ target, state }) => {
      const window = breakerWindow(state, this.policy, now);
      const status = this.statusOf(state, now);
      return {
        provider: target.provider,
        model: target.model,
        status,
        consecutiveFailures: state.consecutiveFailures,
        errorRate: window.requests === 0 ? 0 : Math.round((window.failures / window.requests) * 1000) / 1000,
        requests: Math.round(window.requests),
        ...(state.status === 'closed' ? {} : { openedAt: new Date(state.openedAt).toISOString() }),
        ...(status === 'open' ? { probeAt: new Date(state.openedAt + this.policy.cooldownMs).toISOString() } : {}),
      };
    });
  }

  /** The state the store holds for a target (reads through to Redis when configured). */
  async read(target: Pick<ModelTarget, 'provider' | 'model'>, now = Date.now()): Promise<BreakerState> {
    const id = targetId(target);
    const state = await this.withStore((store) => store.read(id, now));
    this.remember(id, target, state, now);
    return state;
  }

  private async withStore<T>(operation: (store: BreakerStore) => Promise<T>): Promise<T> {
    if (this.store === this.standIn) return operation(this.standIn);
    try {
      return await operation(this.store);
    } catch (error) {
      this.redisErrors++;
      const now = Date.now();
      if (now - this.lastRedisErrorLog >= REDIS_ERROR_LOG_INTERVAL_MS) {
        this.lastRedisErrorLog = now;
        this.logger.warn(`breaker state is kept in this process while Redis fails: ${(error as Error).message}`);
      }
      return operation(this.standIn);
    }
  }
}

