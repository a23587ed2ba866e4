import { type GatehouseConfig } from './config-schema';

const MASK = '••••';
/** Below this length, even the last four characters would give away too much of a secret. */
const SHORTEST_PARTLY_SHOWN = 12;
const SECRET_HEADER = /authorization|api[-_]?key|token|secret|password|cookie/i;

function maskSecret(secret: string): string {
  return secret.length < SHORTEST_PARTLY_SHOWN ? MASK : `${MASK}${secret.slice(-4)}`;
}

/** Masks the password in a URL's user info (`postgres://user:••••@host/db`); other URLs come back unchanged. */
function maskUrlPassword(url: string): string {
  const schemeEnd = url.indexOf('://');
  if (schemeEnd === -1) return url;
  const authorityStart = schemeEnd + 3;
  const rest = url.slice(authorityStart);
  const authorityLength = rest.search(/[/?#]/);
  const authority = authorityLength === -1 ? rest : rest.slice(0, authorityLength);
  const at = authority.lastIndexOf('@');
  const colon = authority.indexOf(':');
  if (at === -1 || colon === -1 || colon > at) return url;
  const user = authority.slice(0, colon);
  const password = authority.slice(colon + 1, at);
  return `${url.slice(0, authorityStart)}${user}:${maskSecret(password)}${url.slice(authorityStart + at)}`;
}

function maskHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SECRET_HEADER.test(name) ? maskSecret(value) : value]));
}

/**
 * A deep copy of the config that is safe to show (`GET /admin/api/config`) and log: API keys, gateway keys, the
 * admin key, the metrics token, extra headers that carry credentials and passwords in URLs become `••••` plus the
 * last four characters (only `••••` for short secrets).
 */
export function maskSecrets(config: GatehouseConfig): GatehouseConfig {
  const copy = structuredClone(config);
  if (copy.admin.api_key !== undefined) copy.admin.api_key = maskSecret(copy.admin.api_key);
  copy.storage.database = maskUrlPassword(copy.storage.database);
  if (copy.storage.redis !== undefined) copy.storage.redis = maskUrlPassword(copy.storage.redis);
  for (const key of copy.keys) key.key = maskSecret(key.key);
  for (const provider of copy.providers) {
    if (provider.api_key !== undefined) provider.api_key = maskSecret(provider.api_key);
    provider.base_url = maskUrlPassword(provider.base_url);
    if (provider.headers) provider.headers = maskHeaders(provider.headers);
  }
  const embeddings = copy.classifier?.embeddings;
  if (embeddings) {
    if (embeddings.api_key !== undefined) embeddings.api_key = maskSecret(embeddings.api_key);
    embeddings.base_url = maskUrlPassword(embeddings.base_url);
  }
  if (copy.telemetry.metrics_token !== undefined) copy.telemetry.metrics_token = maskSecret(copy.telemetry.metrics_token);
  if (copy.telemetry.otlp_endpoint !== undefined) copy.telemetry.otlp_endpoint = maskUrlPassword(copy.telemetry.otlp_endpoint);
  return copy;
}
