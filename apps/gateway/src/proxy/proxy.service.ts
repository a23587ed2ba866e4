import { Inject, Injectable } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type UpstreamOperation } from '@gatehouse/providers';
import { type Dialect, GatewayError, streamErrorFrame } from '@gatehouse/translate';
import { ConfiguredProviders } from '../providers/configured-providers';
import { ModelRouter } from '../routing/model-router';
import { asGatewayError, sendError } from './error-reply';
import { type ClientEndpoint, readInboundRequest } from './inbound-request';
import { sendPassThrough } from './pass-through';
import { UsageTap } from './usage-tap';

const NO_PROVIDER_MESSAGE =
  'No provider is configured. Set ANTHROPIC_API_KEY or OPENAI_API_KEY (with OPENAI_BASE_URL for vLLM or Ollama) and restart, ' +
  'or add providers and models to a config file (see gatehouse.example.yaml) and start with --config FILE.';

const endpointDialect: Record<ClientEndpoint, Dialect> = {
  'openai-chat': 'openai-chat',
  'openai-responses': 'openai-responses',
  'anthropic-messages': 'anthropic-messages',
  'anthropic-count-tokens': 'anthropic-messages',
};

/** Orchestrates one /v1 call: read, route, forward, relay; every failure is answered in the client's dialect. */
@Injectable()
export class ProxyService {
  constructor(
    @Inject(ConfiguredProviders) private readonly providers: ConfiguredProviders,
    @Inject(ModelRouter) private readonly router: ModelRouter,
  ) {}

  async handle(endpoint: ClientEndpoint, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const dialect = endpointDialect[endpoint];
    try {
      if (this.providers.isEmpty) throw new GatewayError('overloaded', NO_PROVIDER_MESSAGE, { status: 503 });
      const inbound = readInboundRequest(endpoint, request.body);
      const route = this.router.resolve(inbound.model);
      const target = this.router.chooseTarget(route);
      const provider = this.providers.get(target.provider);
      if (!provider) throw new GatewayError('upstream', `provider "${target.provider}" is not configured`, { status: 500 });
      const operation: UpstreamOperation = endpoint === 'anthropic-count-tokens' ? 'count_tokens' : 'generate';
      if (!provider.adapter.dialects.includes(dialect)) {
        throw new GatewayError(
          'invalid_request',
          `The model "${route.name}" is served by a ${provider.settings.type} provider, which does not speak ${dialect}`,
          { status: 501 },
        );
      }

      const abort = new AbortController();
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) abort.abort();
      });
      const upstream = await sendPassThrough({
        dialect,
        operation,
        inbound,
        upstreamModel: target.model,
        provider,
        clientHeaders: request.headers,
        query: queryOf(request.url),
        signal: abort.signal,
      });

      const tap = new UsageTap(dialect, inbound.stream);
      upstream.body.on('error', (error) => {
        if (abort.signal.aborted) return tap.destroy();
        if (!inbound.stream) return tap.destroy(error);
        tap.end(streamErrorFrame(dialect, provider.pool.toGatewayError(error)));
      });
      upstream.body.pipe(tap);
      reply
        .status(upstream.status)
        .header('content-type', upstream.headers['content-type'] ?? 'application/json')
        .header('x-gatehouse-model', route.name)
        .header('x-gatehouse-provider', provider.settings.name);
      if (inbound.stream) reply.header('cache-control', 'no-cache');
      reply.send(tap);
    } catch (error) {
      const gatewayError = asGatewayError(error);
      if (reply.sent || reply.raw.headersSent) return;
      sendError(reply, dialect, gatewayError);
    }
  }
}

function queryOf(url: string): string | undefined {
  const at = url.indexOf('?');
  return at < 0 ? undefined : url.slice(at + 1);
}
