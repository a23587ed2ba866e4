import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit, Optional } from '@nestjs/common';
import { type ClientDialect } from '@gatehouse/routing';
import { GatewayError } from '@gatehouse/translate';
import { EffectiveConfig } from '../admin/effective-config';
import { type GatehouseConfig, type ModelConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { GatewayMetrics } from '../observability/metrics/gateway-metrics';
import { type ClientEndpoint, type RequestOutcome } from '../observability/request-outcome';
import { type Principal } from '../auth/principal';
import { type Admission, type AdmissionCheck, AdmissionChecks, type AdmissionRequest } from '../proxy/admission-checks';
import { RedisConnection } from '../redis/redis-connection';
import { readRequestShape } from '../routing/request-shape';
import { describeRule, type LimitKind, type LimitRule, rulesOf, type SubjectLimits } from './limit-rule';
import { RateLimitError } from './rate-limit-error';
import { rateLimitHeaders } from './rate-limit-headers';
import { type LimitVerdict, type RateLimiter } from './rate-limiter';

/** The Nest token of the RateLimiter in use (Redis when storage.redis is set, else in memory). */
export const RATE_LIMITER = Symbol('RATE_LIMITER');
export const RATE_LIMIT_ORDER = 30;

const REDIS_ERROR_LOG_INTERVAL_MS = 60_000;
// A concurrency slot whose request never settles (its process died) frees itself after the request deadline.
const LEASE_MARGIN_MS = 60_000;
const LEASE_WITHOUT_DEADLINE_MS = 15 * 60_000;

const modelLimitsOf = (models: readonly ModelConfig[]): ReadonlyMap<string, SubjectLimits> =>
  new Map(models.flatMap((model) => (model.limits ? [[model.name, model.limits] as const] : [])));

/** The limits of one (key, model) pair, and those of them a finished request settles (tokens, concurrency). */
interface RuleSet {
  rules: LimitRule[];
  settled: LimitRule[];
}

const METRIC_LIMIT: Record<LimitKind, string> = { requests: 'rpm', tokens: 'tpm', concurrent: 'concurrent' };

const endpointDialect: Record<ClientEndpoint, ClientDialect> = {
  'openai-chat': 'openai-chat',
  'openai-responses': 'openai-responses',
  'anthropic-messages': 'anthropic-messages',
  'anthropic-count-tokens': 'anthropic-messages',
};

/**
 * The rate-limit gate: requests per minute, tokens per minute and concurrent requests, per key (its limits), per team
 * (`teams[].limits`) and per model (`models[].limits`), all checked in one limiter call. Tokens are estimated from the
 * prompt up front and settled with the real usage when the response ends; the concurrency slot is released then.
 * Over a limit: 429 with retry-after, naming the limit; OpenAI's x-ratelimit-* headers on every response.
 */
@Injectable()
export class RateLimitCheck implements AdmissionCheck, OnModuleInit, OnApplicationBootstrap {
  private readonly teamLimits: ReadonlyMap<string, SubjectLimits>;
  private modelLimits: ReadonlyMap<string, SubjectLimits>;
  private readonly failOpen: boolean;
  private readonly leaseMs: number;
  private readonly logger = new Logger('RateLimits');
  private lastRedisErrorLog = -Infinity;
  // Principals are replaced, never changed, when their key is: the rules of each are built once per routed model.
  private rulesOfKeys = new WeakMap<Principal, Map<string, RuleSet>>();
  private rulesWithoutKey = new Map<string, RuleSet>();
  // Leases need only be unique among the processes that share the limiter: a random prefix and a count.
  private readonly leasePrefix = `${randomUUID()}:`;
  private leaseCount = 0;
  /** Checks let through (or refused, with `closed`) because the limiter's store failed. */
  storeErrors = 0;

  constructor(
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(AdmissionChecks) private readonly checks: AdmissionChecks,
    @Inject(RedisConnection) private readonly redis?: RedisConnection,
    @Optional() @Inject(GatewayMetrics) private readonly metrics?: GatewayMetrics,
    @Optional() @Inject(EffectiveConfig) private readonly effective?: EffectiveConfig,
  ) {
    this.teamLimits = new Map((config.teams ?? []).flatMap((team) => (team.limits ? [[team.name, team.limits] as const] : [])));
    this.modelLimits = modelLimitsOf(config.models);
    this.failOpen = config.limits.on_redis_error === 'open';
    const deadline = config.server.request_timeout;
    this.leaseMs = (deadline > 0 ? deadline : LEASE_WITHOUT_DEADLINE_MS) + LEASE_MARGIN_MS;
  }

  onModuleInit(): void {
    this.checks.register(this, RATE_LIMIT_ORDER);
  }

  /**
   * Start-up waits for Redis (briefly): requests arriving before the connection is up would otherwise meet
   * on_redis_error, and with `open` pass unlimited.
   */
  async onApplicationBootstrap(): Promise<void> {
    // Model limits follow the model overrides made through the admin API.
    if (this.effective) {
      this.setModelLimits(this.effective.models);
      this.effective.onChange((config) => this.setModelLimits(config.models));
    }
    if (!this.redis?.client) return;
    await this.redis.ready().catch((error: unknown) => this.noteStoreError(error));
  }

  private setModelLimits(models: readonly ModelConfig[]): void {
    this.modelLimits = modelLimitsOf(models);
    this.rulesOfKeys = new WeakMap();
    this.rulesWithoutKey = new Map();
  }

  /** The limits that apply to a request: its key's, its team's, its model's. */
  rulesFor(request: Pick<AdmissionRequest, 'principal' | 'routedModel'>): RuleSet {
    const { principal, routedModel } = request;
    let byModel = principal ? this.rulesOfKeys.get(principal) : this.rulesWithoutKey;
    if (!byModel) {
      byModel = new Map();
      this.rulesOfKeys.set(principal!, byModel);
    }
    let ruleSet = byModel.get(routedModel);
    if (!ruleSet) {
      const rules = [
        ...(principal ? rulesOf('key', principal.keyName, principal.keyId, principal.limits) : []),
        ...(principal?.team ? rulesOf('team', principal.team, principal.team, this.teamLimits.get(principal.team)) : []),
        ...rulesOf('model', routedModel, routedModel, this.modelLimits.get(routedModel)),
      ];
      ruleSet = { rules, settled: rules.filter((rule) => rule.kind === 'concurrent' || rule.kind === 'tokens') };
      byModel.set(routedModel, ruleSet);
    }
    return ruleSet;
  }

  async admit(request: AdmissionRequest): Promise<Admission | undefined> {
    const { rules, settled } = this.rulesFor(request);
    if (rules.length === 0) return undefined;
    // Counting tokens is not generating them: a count_tokens call is a request, with no tokens to charge.
    const estimate =
      request.endpoint === 'anthropic-count-tokens' ? 0 : readRequestShape(request.inbound, endpointDialect[request.endpoint]).promptTokens;
    const lease = this.leasePrefix + String(++this.leaseCount);
    let verdict: LimitVerdict;
    try {
      verdict = await this.limiter.acquire({ rules, tokens: estimate, lease, leaseMs: this.leaseMs, now: Date.now() });
    } catch (error) {
      return this.storeFailed(error);
    }
    const headers = rateLimitHeaders(verdict);
    if (!verdict.allowed) {
      const { rule, retryAfterMs } = verdict.refusedBy!;
      const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
      this.metrics?.recordRateLimited(METRIC_LIMIT[rule.kind], request.routedModel);
      throw new RateLimitError(`Rate limit reached: ${describeRule(rule)}; try again in ${retryAfter} s`, retryAfter, headers);
    }
    return {
      headers,
      settle: settled.length === 0 ? undefined : (outcome: RequestOutcome) => this.settle(settled, estimate, lease, outcome),
    };
  }

  private settle(rules: LimitRule[], estimate: number, lease: string, outcome: RequestOutcome): void {
    const actual = outcome.usage.inputTokens + outcome.usage.outputTokens;
    this.limiter.settle({ rules, tokenDelta: actual - estimate, lease, now: Date.now() }).catch((error: unknown) => this.noteStoreError(error));
  }

  private storeFailed(error: unknown): undefined {
    this.noteStoreError(error);
    if (this.failOpen) return undefined;
    throw new GatewayError('overloaded', 'Rate limits cannot be checked right now (Redis is unreachable); try again shortly', {
      status: 503,
      retryAfter: 1,
    });
  }

  private noteStoreError(error: unknown): void {
    this.storeErrors++;
    const now = Date.now();
    if (now - this.lastRedisErrorLog < REDIS_ERROR_LOG_INTERVAL_MS) return;
    this.lastRedisErrorLog = now;
    const policy = this.failOpen ? 'requests are let through (limits.on_redis_error: open)' : 'requests are refused (limits.on_redis_error: closed)';
    this.logger.warn(`rate limits failed to reach Redis, ${policy}: ${(error as Error).message}`);
  }
}
