import { type GatehouseConfig } from '../config';
import { type RequestOutcome } from './request-outcome';

/** Where a provider is: host and port of its base URL (never its path or credentials). */
export interface ServerEndpoint {
  address: string;
  port: number;
  /** `address:port`, as access logs show an upstream. */
  hostPort: string;
}

/** The label for a model name that is not configured: clients can send anything, labels must stay few. */
export const OTHER_MODEL = 'other';
/** The label for "no such thing" (no key in open mode, no provider before routing). */
export const NONE = 'none';

/**
 * Label values drawn from the config only, so that metrics, spans and logs name things the same way and label
 * cardinality stays bounded: model names (anything else → "other"), each provider's type and server address.
 */
export class ConfigLabels {
  private readonly models: ReadonlySet<string>;
  private readonly providerTypes = new Map<string, string>();
  private readonly endpoints = new Map<string, ServerEndpoint>();

  constructor(config: GatehouseConfig) {
    this.models = new Set([...config.models.map((model) => model.name), 'auto']);
    for (const provider of config.providers) {
      this.providerTypes.set(provider.name, provider.type);
      const endpoint = serverEndpointOf(provider.base_url);
      if (endpoint) this.endpoints.set(provider.name, endpoint);
    }
  }

  /** The configured model that served a request, else the one asked for when it is configured, else "other". */
  modelOf(outcome: Pick<RequestOutcome, 'routedModel' | 'requestedModel'>): string {
    // A routed model always exists in the catalogue (also when it came from an admin override), so it is bounded.
    if (outcome.routedModel !== undefined) return outcome.routedModel;
    const requested = outcome.requestedModel;
    return requested !== undefined && this.models.has(requested) ? requested : OTHER_MODEL;
  }

  /** gen_ai.provider.name: the provider's type (anthropic, openai), one of the conventions' well-known values. */
  providerTypeOf(providerName: string | undefined): string {
    return (providerName !== undefined && this.providerTypes.get(providerName)) || NONE;
  }

  serverOf(providerName: string | undefined): ServerEndpoint | undefined {
    return providerName === undefined ? undefined : this.endpoints.get(providerName);
  }
}

export function serverEndpointOf(baseUrl: string): ServerEndpoint | undefined {
  try {
    const url = new URL(baseUrl);
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    const address = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    return { address, port, hostPort: `${url.hostname}:${port}` };
  } catch {
    return undefined;
  }
}
