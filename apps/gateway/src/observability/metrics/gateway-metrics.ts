import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { type GatewayErrorCode } from '@gatehouse/translate';
import { type GatehouseConfig } from '../../config';
import { GATEHOUSE_CONFIG } from '../../config/config.token';
import { ConfigLabels, NONE } from '../config-labels';
import { genAiOperationOf } from '../genai-operation';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { type ClientEndpoint, type RequestObserver, type RequestOutcome } from '../request-outcome';
import { RequestObservers } from '../request-observers';
import {
  OPERATION_DURATION_BUCKETS,
  TIME_PER_OUTPUT_TOKEN_BUCKETS,
  TIME_TO_FIRST_TOKEN_BUCKETS,
  TOKEN_USAGE_BUCKETS,
} from './genai-metric-buckets';
import { HistogramFamily, ValueFamily } from './series-families';

/** A provider's circuit breaker, as the gauge shows it: 0 closed, 1 half-open, 2 open. */
export type BreakerState = 'closed' | 'half_open' | 'open';
const breakerStateValue: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };

/** How one upstream attempt ended: `success`, or the error code it failed with. */
export type AttemptOutcome = 'success' | GatewayErrorCode;

const GENAI_LABELS = ['gen_ai_operation_name', 'gen_ai_provider_name', 'gen_ai_request_model', 'gatehouse_provider'] as const;
const KNOWN_LIMITS = new Set(['rpm', 'tpm', 'concurrent', 'rpd', 'tpd']);

/**
 * The gateway's Prometheus metrics (served at GET /metrics, and over OTLP when telemetry is on). Finished requests
 * come in as RequestOutcomes; events an outcome does not carry (fallbacks, rate limits, attempts, breaker changes) are
 * reported by the modules that see them, through the methods below. Label values come from the config only; key and
 * team labels sit on the request and token counters alone.
 */
@Injectable()
export class GatewayMetrics implements RequestObserver {
  readonly registry = new Registry();

  private readonly tokenUsage = new HistogramFamily({
    name: 'gen_ai_client_token_usage',
    help: 'Tokens used per operation (GenAI conventions: input counts cache reads and writes).',
    labelNames: [...GENAI_LABELS, 'gen_ai_token_type'],
    buckets: TOKEN_USAGE_BUCKETS,
    registry: this.registry,
  });
  private readonly operationDuration = new HistogramFamily({
    name: 'gen_ai_client_operation_duration_seconds',
    help: 'Duration of GenAI operations through the gateway, from the request to the end of the response.',
    labelNames: [...GENAI_LABELS, 'error_type'],
    buckets: OPERATION_DURATION_BUCKETS,
    registry: this.registry,
  });
  private readonly timeToFirstToken = new HistogramFamily({
    name: 'gen_ai_server_time_to_first_token_seconds',
    help: 'Time from the request to the first byte of a streamed response reaching the client.',
    labelNames: GENAI_LABELS,
    buckets: TIME_TO_FIRST_TOKEN_BUCKETS,
    registry: this.registry,
  });
  private readonly timePerOutputToken = new HistogramFamily({
    name: 'gen_ai_server_time_per_output_token_seconds',
    help: 'Time per output token after the first, for streamed responses.',
    labelNames: GENAI_LABELS,
    buckets: TIME_PER_OUTPUT_TOKEN_BUCKETS,
    registry: this.registry,
  });
  private readonly requests = new ValueFamily(
    {
      name: 'gatehouse_requests_total',
      help: 'Finished /v1 requests by endpoint, configured model, provider, HTTP status, key name and team.',
      labelNames: ['endpoint', 'model', 'provider', 'status', 'key', 'team'],
      registry: this.registry,
    },
    'counter',
  );
  private readonly tokens = new ValueFamily(
    {
      name: 'gatehouse_tokens_total',
      help: 'Tokens by model, provider, key and team (input counts cache reads and writes, as gen_ai_client_token_usage).',
      labelNames: ['model', 'provider', 'key', 'team', 'gen_ai_token_type'],
      registry: this.registry,
    },
    'counter',
  );
  private readonly cachedTokens = new ValueFamily(
    {
      name: 'gatehouse_cached_tokens_total',
      help: 'The cached part of the input tokens: read from or written to the provider cache.',
      labelNames: ['model', 'provider', 'key', 'team', 'cache'],
      registry: this.registry,
    },
    'counter',
  );
  private readonly inFlight = new ValueFamily(
    {
      name: 'gatehouse_requests_in_flight',
      help: 'Requests being served now, by endpoint.',
      labelNames: ['endpoint'],
      registry: this.registry,
    },
    'gauge',
  );
  private readonly fallbacks = new Counter({
    name: 'gatehouse_fallbacks_total',
    help: 'Requests moved from one model to its fallback, by the error that caused it.',
    labelNames: ['model', 'fallback_model', 'reason'],
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: 'gatehouse_rate_limited_total',
    help: 'Requests refused by a gateway rate limit, by limit (rpm, tpm, concurrent) and model.',
    labelNames: ['limit', 'model'],
    registers: [this.registry],
  });
  private readonly budgetRejected = new Counter({
    name: 'gatehouse_budget_rejected_total',
    help: 'Requests refused because a key or team budget was spent, by model.',
    labelNames: ['model'],
    registers: [this.registry],
  });
  private readonly upstreamAttempts = new ValueFamily(
    {
      name: 'gatehouse_upstream_attempts_total',
      help: 'Upstream attempts (first tries, retries and fallbacks) by provider, upstream model and outcome.',
      labelNames: ['provider', 'model', 'outcome'],
      registry: this.registry,
    },
    'counter',
  );
  private readonly breakerStates = new Gauge({
    name: 'gatehouse_circuit_breaker_state',
    help: 'Circuit breaker state per provider: 0 closed, 1 half-open, 2 open.',
    labelNames: ['provider'],
    registers: [this.registry],
  });

  private readDroppedRecords?: () => number;
  /** telemetry.metrics: when false nothing is recorded or collected, and GET /metrics answers 404. */
  readonly enabled: boolean;

  constructor(
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(ConfigLabels) private readonly labels: ConfigLabels,
    @Inject(RequestObservers) observers: RequestObservers,
    @Inject(OBSERVABILITY_OPTIONS) options: ObservabilityOptions = {},
  ) {
    this.enabled = config.telemetry.metrics;
    if (!this.enabled) return;
    collectDefaultMetrics({ register: this.registry });
    // With telemetry.otlp_endpoint, the same numbers are exported over OTLP, read from this registry at each export.
    options.telemetry?.metricProducer?.attach(this.registry);
    const dropped: Counter = new Counter({
      name: 'gatehouse_usage_records_dropped_total',
      help: 'Usage records the usage recorder had to drop (its queue was full or the database failed).',
      registers: [this.registry],
      collect: () => {
        if (!this.readDroppedRecords) return;
        dropped.reset();
        dropped.inc(this.readDroppedRecords());
      },
    });
    observers.register(this);
  }

  // ── Events reported by other modules ────────────────────────────────────────────────────────────────────────

  /** A request moved from `model` to `fallbackModel` (configured names) after an attempt failed with `reason`. */
  recordFallback(model: string, fallbackModel: string, reason: GatewayErrorCode): void {
    if (!this.enabled) return;
    this.fallbacks.labels(model, fallbackModel, reason).inc();
  }

  /** A gateway rate limit refused a request; `limit` is rpm, tpm or concurrent (anything else counts as "other"). */
  recordRateLimited(limit: string, model: string = NONE): void {
    if (!this.enabled) return;
    this.rateLimited.labels(KNOWN_LIMITS.has(limit) ? limit : 'other', model).inc();
  }

  /** One upstream attempt ended: `provider` is the configured provider name, `upstreamModel` the target's model id. */
  recordUpstreamAttempt(provider: string, upstreamModel: string, outcome: AttemptOutcome): void {
    if (!this.enabled) return;
    this.upstreamAttempts.of(provider, upstreamModel, outcome).inc();
  }

  /** A provider's circuit breaker is now in `state`. */
  setBreakerState(provider: string, state: BreakerState): void {
    if (!this.enabled) return;
    this.breakerStates.labels(provider).set(breakerStateValue[state]);
  }

  /** Where the usage recorder's count of dropped records is read from at each scrape. */
  countDroppedUsageRecords(read: () => number): void {
    this.readDroppedRecords = read;
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  // ── Requests ────────────────────────────────────────────────────────────────────────────────────────────────

  requestStarted(endpoint: ClientEndpoint): void {
    this.inFlight.of(endpoint).inc();
  }

  requestCompleted(outcome: RequestOutcome): void {
    this.inFlight.of(outcome.endpoint).dec();
    const model = this.labels.modelOf(outcome);
    const provider = outcome.provider ?? NONE;
    const key = outcome.principal?.keyName ?? NONE;
    const team = outcome.principal?.team ?? NONE;
    this.requests.of(outcome.endpoint, model, provider, statusLabel(outcome.status), key, team).inc();
    // Only the budget gate answers budget_exceeded, so the outcome says it all (a rate_limited one may be the upstream's).
    if (outcome.errorCode === 'budget_exceeded') this.budgetRejected.labels(model).inc();
    // Requests that never reached a provider (bad body, unknown model, refused by a gate) are no GenAI operation.
    if (outcome.provider === undefined || outcome.attempts === 0) return;

    const operation = genAiOperationOf[outcome.endpoint];
    const type = this.labels.providerTypeOf(provider);
    const seconds = outcome.latencyMs / 1000;
    const errorType = outcome.errorCode ?? (outcome.aborted ? 'aborted' : undefined);
    this.operationDuration.of(operation, type, model, provider, errorType ?? '').observe(seconds);

    const { usage } = outcome;
    if (operation === 'count_tokens' || (outcome.status >= 400 && usage.inputTokens === 0 && usage.outputTokens === 0)) return;
    this.tokenUsage.of(operation, type, model, provider, 'input').observe(usage.inputTokens);
    this.tokenUsage.of(operation, type, model, provider, 'output').observe(usage.outputTokens);
    this.tokens.of(model, provider, key, team, 'input').inc(usage.inputTokens);
    this.tokens.of(model, provider, key, team, 'output').inc(usage.outputTokens);
    if (usage.cacheReadTokens > 0) this.cachedTokens.of(model, provider, key, team, 'read').inc(usage.cacheReadTokens);
    if (usage.cacheWriteTokens > 0) this.cachedTokens.of(model, provider, key, team, 'creation').inc(usage.cacheWriteTokens);

    if (outcome.stream && outcome.ttftMs !== undefined && errorType === undefined) {
      this.timeToFirstToken.of(operation, type, model, provider).observe(outcome.ttftMs / 1000);
      if (usage.outputTokens > 1) {
        this.timePerOutputToken.of(operation, type, model, provider).observe((outcome.latencyMs - outcome.ttftMs) / 1000 / (usage.outputTokens - 1));
      }
    }
  }
}

const statusLabels = new Map<number, string>();
function statusLabel(status: number): string {
  let label = statusLabels.get(status);
  if (label === undefined) statusLabels.set(status, (label = String(status)));
  return label;
}
