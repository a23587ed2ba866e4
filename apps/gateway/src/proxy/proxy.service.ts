import { Inject, Injectable } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type Dialect, GatewayError } from '@gatehouse/translate';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { ConfiguredProviders } from '../providers/configured-providers';
import { RequestObservers } from '../observability/request-observers';
import { generationParametersOf } from '../observability/generation-parameters';
import { RequestTracing } from '../observability/tracing/request-tracing';
import { ModelRouter } from '../routing/model-router';
import { AdmissionChecks } from './admission-checks';
import { asGatewayError, sendError } from './error-reply';
import { type ClientEndpoint, readInboundRequest } from './inbound-request';
import { sendPassThrough } from './pass-through';
import { type ProxiedAnswer } from './proxied-answer';
import { RequestTracker } from './request-tracker';
import { countTokensLocally } from './local-count-tokens';
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

/** Orchestrates one /v1 call: read, route, forward or translate, relay; every failure is answered in the client's dialect. */
@Injectable()
export class ProxyService {
  private readonly maxTokensDefaults: ReadonlyMap<string, number>;

  constructor(
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(ConfiguredProviders) private readonly providers: ConfiguredProviders,
    @Inject(ModelRouter) private readonly router: ModelRouter,
    @Inject(RequestObservers) private readonly observers: RequestObservers,
    @Inject(AdmissionChecks) private readonly admission: AdmissionChecks,
    @Inject(RequestTracing) private readonly tracing: RequestTracing,
  ) {
    this.maxTokensDefaults = new Map(
      config.models.flatMap((model) => (model.max_tokens_default === undefined ? [] : [[model.name, model.max_tokens_default] as const])),
    );
  }

  async handle(endpoint: ClientEndpoint, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const dialect = endpointDialect[endpoint];
    const tracker = new RequestTracker(request, reply, endpoint, dialect, this.observers);
    const { outcome } = tracker;
    tracker.span = this.tracing.startRequest(request, endpoint, outcome);
    try {
      if (this.providers.isEmpty) throw new GatewayError('overloaded', NO_PROVIDER_MESSAGE, { status: 503 });
      const inbound = readInboundRequest(endpoint, request.body);
      outcome.requestedModel = inbound.model;
      outcome.stream = inbound.stream;
      outcome.parameters = generationParametersOf(inbound.json);
      const route = this.router.resolve(inbound.model);
      const target = this.router.chooseTarget(route);
      const provider = this.providers.get(target.provider);
      if (!provider) throw new GatewayError('upstream', `provider "${target.provider}" is not configured`, { status: 500 });
      outcome.routedModel = route.name;
      outcome.upstreamModel = target.model;
      outcome.provider = provider.settings.name;
      await this.admission.admit(
        { principal: request.principal, endpoint, requestedModel: inbound.model, routedModel: route.name, inbound, headers: request.headers },
        tracker.admissions,
      );
      outcome.attempts = 1;

      const abort = new AbortController();
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) abort.abort();
      });
      const speaksClientDialect = provider.adapter.speaks(provider.settings, dialect);
      let answer: ProxiedAnswer;
      if (endpoint === 'anthropic-count-tokens') {
        answer = provider.adapter.countsTokens
          ? await sendPassThrough({
              dialect,
              operation: 'count_tokens',
              inbound,
              upstreamModel: target.model,
              provider,
              clientHeaders: request.headers,
              signal: abort.signal,
              traceHeaders: tracker.span.startAttempt(provider.settings, target.model).headers,
            })
          : await countTokensLocally(inbound, route.name);
      } else if (speaksClientDialect) {
        answer = await sendPassThrough({
          dialect,
          operation: 'generate',
          inbound,
          upstreamModel: target.model,
          provider,
          clientHeaders: request.headers,
          query: queryOf(request.url),
          signal: abort.signal,
          traceHeaders: tracker.span.startAttempt(provider.settings, target.model).headers,
        });
      } else {
        answer = await sendTranslated({
          clientDialect: dialect,
          targetDialect: provider.adapter.dialects[0]!,
          inbound,
          requestModel: route.name,
          upstreamModel: target.model,
          provider,
          encodeOptions: { defaultMaxTokens: this.maxTokensDefaults.get(route.name) },
          clientHeaders: request.headers,
          signal: abort.signal,
          traceHeaders: tracker.span.startAttempt(provider.settings, target.model).headers,
        });
      }
      try {
        await answer.committed;
      } catch (error) {
        if (typeof answer.body !== 'string') answer.body.destroy();
        throw error;
      }
      reply
        .status(answer.status)
        .header('content-type', answer.contentType)
        .header('x-gatehouse-model', route.name)
        .header('x-gatehouse-provider', provider.settings.name);
      for (const admission of tracker.admissions) if (admission.headers) reply.headers(admission.headers);
      if (answer.warnings.length > 0) reply.header('x-gatehouse-warnings', warningsHeader(answer.warnings));
      if (inbound.stream) reply.header('cache-control', 'no-cache');
      tracker.watch(answer.body, answer.usage, answer.details);
      reply.send(answer.body);
    } catch (error) {
      const gatewayError = asGatewayError(error);
      tracker.failed(gatewayError);
      for (const admission of tracker.admissions) if (admission.headers) reply.headers(admission.headers);
      if (reply.sent || reply.raw.headersSent) return;
      sendError(reply, dialect, gatewayError);
    }
  }
}

function queryOf(url: string): string | undefined {
  const at = url.indexOf('?');
  return at < 0 ? undefined : url.slice(at + 1);
}
