import { type FastifyRequest } from 'fastify';
import { type ClientEndpoint } from '../observability/request-outcome';

/** The proxy's routes (ProxyController), by the route pattern Fastify matched. */
const ENDPOINT_BY_ROUTE: Readonly<Record<string, ClientEndpoint>> = {
  '/v1/chat/completions': 'openai-chat',
  '/v1/messages': 'anthropic-messages',
  '/v1/responses': 'openai-responses',
  '/v1/messages/count_tokens': 'anthropic-count-tokens',
};

/** The client endpoint a request was routed to, when it is one of the proxy's (POST only). */
export function proxyEndpointOf(request: FastifyRequest): ClientEndpoint | undefined {
  return request.method === 'POST' ? ENDPOINT_BY_ROUTE[request.routeOptions.url ?? ''] : undefined;
}
