import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type Attempt } from '@gatehouse/routing';
import { type Dialect, GatewayError, type OpenAIResponsesDecodedRequest } from '@gatehouse/translate';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { headersOfRefusal } from '../limits/rate-limit-error';
import { GatewayMetrics } from '../observability/metrics/gateway-metrics';
import { RequestObservers } from '../observability/request-observers';
import { generationParametersOf } from '../observability/generation-parameters';
import { RequestTracing } from '../observability/tracing/request-tracing';
import { type ConfiguredProvider, ConfiguredProviders } from '../providers/configured-providers';
import { ResponsesFlow } from '../responses/responses-flow';
import { BreakerRegistry } from '../routing/breaker-registry';
import { ModelRouter } from '../routing/model-router';
import { AdmissionChecks } from './admission-checks';
import { runAttempts } from './attempt-runner';
import { asGatewayError, sendError } from './error-reply';
import { type ClientEndpoint, type InboundRequest, readInboundRequest } from './inbound-request';
import { countTokensLocally } from './local-count-tokens';
import { sendPassThrough } from './pass-through';
import { type ProxiedAnswer } from './proxied-answer';
import { RequestCancellation } from './request-cancellation';
import { RequestTracker } from './request-tracker';
import { sendTranslated } from './translated-call';
import { warningsHeader } from './warnings-header';

const NO_PROVIDER_MESSAGE =
  'No provider is configured. Set ANTHROPIC_API_KEY or OPENAI_API_KEY (with OPENAI_BASE_URL for vLLM or Ollama) and restart, ' +
  'or add providers and models to a config file (see gatehouse.example.yaml) and start with --config FILE.';

const endpointDialect: Record<ClientEndpoint, Dialect> = {
  'openai-chat': 'openai-chat',
  'openai-responses': 'openai-responses',
  'anthropic-messages': 'anthropic-messages',
  'anthropic-count-tokens': 'anthropic-messages',
};

/** One /v1 call as it goes: what was read, who asked, and what the Responses API adds. */
interface CallContext {
  endpoint: ClientEndpoint;
  dialect: Dialect;
  inbound: InboundRequest;
  request: FastifyRequest;
  tracker: RequestTracker;
  signal: AbortSignal;
  /** For the Responses API: whose stored responses these are, and the request decoded with its conversation. */
  responses?: { owner: string; decoded?: Promise<OpenAIResponsesDecodedRequest> };
}

/**
 * Orchestrates one /v1 call: read, route, admit, then try the planned targets (pass-through when the target speaks
 * the client's dialect, else translated) until one answers; every failure is answered in the client's dialect.
 */
@Injectable()
export class ProxyService {
  private readonly maxTokensDefaults: ReadonlyMap<string, number>;
  private readonly requestTimeoutMs: number;
  /** Per client dialect: whether a model's large bodies may be read through their outline (see passesThrough). */
  private readonly outlineFor = Object.fromEntries(
    Object.values(endpointDialect).map((dialect) => [dialect, (model: string) => this.passesThrough(model, dialect)]),
  ) as Record<Dialect, (model: string) => boolean>;

  constructor(
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(ConfiguredProviders) private readonly providers: ConfiguredProviders,
    @Inject(ModelRouter) private readonly router: ModelRouter,
    @Inject(BreakerRegistry) private readonly breakers: BreakerRegistry,
    @Inject(RequestObservers) private readonly observers: RequestObservers,
    @Inject(AdmissionChecks) private readonly admission: AdmissionChecks,
    @Inject(RequestTracing) private readonly tracing: RequestTracing,
    @Inject(GatewayMetrics) private readonly metrics: GatewayMetrics,
    @Inject(ResponsesFlow) private readonly responsesFlow: ResponsesFlow,
  ) {
    this.maxTokensDefaults = new Map(
      config.models.flatMap((model) => (model.max_tokens_default === undefined ? [] : [[model.name, model.max_tokens_default] as const])),
    );
    this.requestTimeoutMs = config.server.request_timeout || Number.POSITIVE_INFINITY;
  }

  async handle(endpoint: ClientEndpoint, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const dialect = endpointDialect[endpoint];
    const tracker = this.track(endpoint, request, reply);
    const { outcome } = tracker;
    try {
      if (this.providers.isEmpty) throw new GatewayError('overloaded', NO_PROVIDER_MESSAGE, { status: 503 });
      const inbound = readInboundRequest(endpoint, request.body, this.outlineFor[dialect]);
      outcome.requestedModel = inbound.model;
      outcome.stream = inbound.stream;
      outcome.parameters = generationParametersOf(inbound.outline);
      const plan = await this.router.plan({ inbound, dialect, principal: request.principal, headers: request.headers });
      outcome.routedModel = plan.route.name;
      outcome.decision = plan.decision?.name;
      reply.header('x-gatehouse-decision', plan.decisionLabel);
      await this.admission.admit(
        { principal: request.principal, endpoint, requestedModel: inbound.model, routedModel: plan.route.name, inbound, headers: request.headers },
        tracker.admissions,
      );

      const cancellation = new RequestCancellation(this.requestTimeoutMs);
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) cancellation.clientGone();
      });
      const call: CallContext = { endpoint, dialect, inbound, request, tracker, signal: cancellation.signal };
      if (endpoint === 'openai-responses') call.responses = { owner: this.responsesFlow.ownerOf(request.principal) };

      const { answer, attempt } = await runAttempts(plan.attempts, {
        acquire: (next) => this.breakers.acquire(next.target),
        send: (next) => this.sendAttempt(call, next),
        succeeded: (next) => void this.breakers.record(next.target),
        failed: (next, error) => {
          void this.breakers.record(next.target, error);
          this.metrics.recordUpstreamAttempt(next.target.provider, next.target.model, error.code);
        },
        fellBack: (from, to, error) => this.metrics.recordFallback(from.model, to.model, error.code),
        clientGone: () => cancellation.clientLeft,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: cancellation.now,
        deadline: cancellation.deadline,
        random: Math.random,
      }).finally(() => cancellation.stopDeadline());
      this.metrics.recordUpstreamAttempt(attempt.target.provider, attempt.target.model, 'success');

      reply
        .status(answer.status)
        .header('content-type', answer.contentType)
        .header('x-gatehouse-model', attempt.model)
        .header('x-gatehouse-provider', attempt.target.provider)
        .header('x-gatehouse-attempts', String(outcome.attempts));
      for (const admission of tracker.admissions) if (admission.headers) reply.headers(admission.headers);
      if (answer.warnings.length > 0) reply.header('x-gatehouse-warnings', warningsHeader(answer.warnings));
      if (inbound.stream) reply.header('cache-control', 'no-cache');
      tracker.watch(answer);
      const { responses } = call;
      reply.send(responses ? await this.responsesFlow.bodyStoredWhenDone(responses.owner, inbound, answer, responses.decoded) : answer.body);
    } catch (error) {
      const gatewayError = asGatewayError(error);
      tracker.failed(gatewayError);
      if (reply.sent || reply.raw.headersSent) return;
      for (const admission of tracker.admissions) if (admission.headers) reply.headers(admission.headers);
      const refusal = headersOfRefusal(error);
      if (refusal) reply.headers(refusal);
      if (outcome.attempts) reply.header('x-gatehouse-attempts', String(outcome.attempts));
      sendError(reply, dialect, gatewayError);
    }
  }

  /**
   * Observes a request refused before it reached handle() (by the key guard): it gets its access-log line, its count
   * in the metrics and its span like any other. `reply` is about to carry the refusal.
   */
  refused(endpoint: ClientEndpoint, request: FastifyRequest, reply: FastifyReply, error: GatewayError): void {
    this.track(endpoint, request, reply).failed(error);
  }

  /** The tracker of a /v1 request, with its SERVER span opened: the observers get its outcome when the reply closes. */
  private track(endpoint: ClientEndpoint, request: FastifyRequest, reply: FastifyReply): RequestTracker {
    const tracker = new RequestTracker(request, reply, endpoint, endpointDialect[endpoint], this.observers);
    tracker.span = this.tracing.startRequest(request, endpoint, tracker.outcome);
    return tracker;
  }

  /** Whether every target the model may be tried on, its fallbacks' included, speaks `dialect`: nothing is translated. */
  private passesThrough(model: string, dialect: Dialect): boolean {
    const { catalog } = this.router;
    const route = catalog.get(model);
    if (!route) return false;
    return [route, ...route.fallbacks.map((name) => catalog.get(name))].every(
      (each) =>
        each?.targets.every((target) => {
          const provider = this.providers.get(target.provider);
          return provider !== undefined && provider.adapter.speaks(provider.settings, dialect);
        }) === true,
    );
  }

  /** One attempt on one target: resolves once its answer may be sent, so that a failure before can fall over. */
  private async sendAttempt(call: CallContext, attempt: Attempt): Promise<ProxiedAnswer> {
    const { outcome } = call.tracker;
    const provider = this.providers.get(attempt.target.provider);
    if (!provider) throw new GatewayError('upstream', `provider "${attempt.target.provider}" is not configured`, { status: 500 });
    outcome.attempts = (outcome.attempts ?? 0) + 1;
    outcome.routedModel = attempt.model;
    outcome.upstreamModel = attempt.target.model;
    outcome.provider = provider.settings.name;
    const span = call.tracker.span.startAttempt(provider.settings, attempt.target.model);
    try {
      const answer = await this.callUpstream(call, attempt, provider, span.headers);
      try {
        await untilAborted(answer.committed, call.signal);
      } catch (error) {
        if (answer.body instanceof Readable) answer.body.destroy();
        throw error;
      }
      return answer;
    } catch (error) {
      span.failed(error);
      throw error;
    }
  }

  private async callUpstream(
    call: CallContext,
    attempt: Attempt,
    provider: ConfiguredProvider,
    traceHeaders: Readonly<Record<string, string>> | undefined,
  ): Promise<ProxiedAnswer> {
    const { dialect, request } = call;
    const upstreamModel = attempt.target.model;
    if (call.endpoint === 'anthropic-count-tokens') {
      if (!provider.adapter.countsTokens) return countTokensLocally(call.inbound, attempt.model);
      return sendPassThrough({
        dialect,
        operation: 'count_tokens',
        inbound: call.inbound,
        upstreamModel,
        provider,
        clientHeaders: request.headers,
        signal: call.signal,
        traceHeaders,
      });
    }
    if (provider.adapter.speaks(provider.settings, dialect)) {
      const expanded = call.responses ? await this.responsesFlow.forPassThrough(call.inbound, call.responses.owner) : undefined;
      const answer = await sendPassThrough({
        dialect,
        operation: 'generate',
        inbound: expanded?.inbound ?? call.inbound,
        upstreamModel,
        provider,
        clientHeaders: request.headers,
        query: queryOf(request.url),
        signal: call.signal,
        traceHeaders,
      });
      return expanded?.warnings.length ? { ...answer, warnings: [...answer.warnings, ...expanded.warnings] } : answer;
    }
    if (call.responses) call.responses.decoded ??= this.responsesFlow.decode(call.inbound, call.responses.owner);
    return sendTranslated({
      clientDialect: dialect,
      targetDialect: provider.adapter.dialects.find((candidate) => provider.adapter.speaks(provider.settings, candidate))!,
      inbound: call.inbound,
      requestModel: call.inbound.model,
      upstreamModel,
      provider,
      encodeOptions: { defaultMaxTokens: this.maxTokensDefaults.get(attempt.model) },
      clientHeaders: request.headers,
      signal: call.signal,
      traceHeaders,
      decoded: call.responses ? await call.responses.decoded : undefined,
    });
  }
}

/**
 * Waits for an answer to commit, unless the request is aborted first (the client left, or the deadline came) while
 * a stream is still held: its upstream body is cut then, and the held output would never settle.
 */
function untilAborted(committed: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortedError());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    committed.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const abortedError = () => new GatewayError('upstream', 'The request was aborted before its answer started', { status: 499 });

function queryOf(url: string): string | undefined {
  const at = url.indexOf('?');
  return at < 0 ? undefined : url.slice(at + 1);
}
