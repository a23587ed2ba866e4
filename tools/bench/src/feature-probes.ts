import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { request } from 'undici';
import { requestFor, ROUTES, type RouteId } from './bench-routes';
import { BENCH_KEY, type Feature, type GatewayVariant } from './gateway-variants';
import { type OtlpSink } from './otlp-sink';
import { type PinnedProcess } from './pinned-process';

/** Whether a feature the config switched on is actually at work in this build of the gateway. */
export interface FeatureStatus {
  state: 'active' | 'inactive' | 'unchecked';
  note: string;
}

export interface VariantProbe {
  /** Routes that answered 200 to a keyed request, and what the others answered. */
  routeStatus: Record<RouteId, number | string>;
  features: Partial<Record<Feature, FeatureStatus>>;
}

/** Requests probeVariant sends to /v1 (one per route, one without a key). */
export const PROBE_REQUESTS = ROUTES.length + 1;

const active = (note: string): FeatureStatus => ({ state: 'active', note });
const inactive = (note: string): FeatureStatus => ({ state: 'inactive', note });

/**
 * Sends a keyed request on every route, then checks each switched-on feature from the outside: a 401 without a key,
 * x-ratelimit-* headers, /metrics. Usage, tracing and the access log are checked when the run ends.
 */
export async function probeVariant(url: string, variant: GatewayVariant): Promise<VariantProbe> {
  const routeStatus = {} as Record<RouteId, number | string>;
  let rateLimitHeaders = false;
  for (const route of ROUTES) {
    const spec = requestFor(route.client, route.model, 'json', BENCH_KEY);
    try {
      const answer = await request(`${url}${spec.path}`, { method: 'POST', headers: spec.headers, body: spec.body });
      await answer.body.text();
      routeStatus[route.id] = answer.statusCode;
      if (Object.keys(answer.headers).some((name) => name.startsWith('x-ratelimit-'))) rateLimitHeaders = true;
    } catch (error) {
      routeStatus[route.id] = error instanceof Error ? error.message : String(error);
    }
  }
  const features: Partial<Record<Feature, FeatureStatus>> = {};
  const has = (feature: Feature) => variant.features.includes(feature);

  if (has('auth')) {
    const spec = requestFor('openai-chat', 'bench-openai', 'json', 'not-a-bench-key');
    const { authorization: _, ...withoutKey } = spec.headers;
    const answer = await request(`${url}${spec.path}`, { method: 'POST', headers: withoutKey, body: spec.body });
    await answer.body.text();
    features.auth =
      answer.statusCode === 401 ? active('401 without a key') : inactive(`configured, but a request without a key got ${answer.statusCode}, not 401`);
  }
  for (const limits of ['memory-limits', 'redis-limits'] as const) {
    if (has(limits)) {
      features[limits] = rateLimitHeaders ? active('x-ratelimit-* headers present') : inactive('configured, but no x-ratelimit-* header on answers');
    }
  }
  if (has('metrics')) {
    const answer = await request(`${url}/metrics`);
    const text = await answer.body.text();
    features.metrics =
      answer.statusCode === 200 && /^(gatehouse_|gen_ai_)/m.test(text)
        ? active('GET /metrics serves gatehouse_* / gen_ai_* series')
        : inactive(`configured, but GET /metrics answered ${answer.statusCode}${answer.statusCode === 200 ? ' without gatehouse_* series' : ''}`);
  }
  if (has('access-log')) features['access-log'] = { state: 'unchecked', note: 'checked when the run ends' };
  if (has('usage')) features.usage = { state: 'unchecked', note: 'checked when the run ends' };
  if (has('tracing')) features.tracing = { state: 'unchecked', note: 'checked when the run ends' };
  return { routeStatus, features };
}

/** The access log is at work when the gateway wrote about a line per request to stdout (it may buffer, so counted at the end). */
export function accessLogStatus(gateway: PinnedProcess, requestsServed: number): FeatureStatus {
  const lines = gateway.linesAfterReady;
  return lines >= requestsServed / 2
    ? active(`${lines} stdout lines for about ${requestsServed} requests`)
    : inactive(`configured, but only ${lines} stdout lines for about ${requestsServed} requests`);
}

/** Tracing is at work when the OTLP sink received trace exports. */
export function tracingStatus(sink: OtlpSink): FeatureStatus {
  const traces = sink.received.get('/v1/traces') ?? 0;
  return traces > 0 ? active(`${traces} OTLP trace exports received`) : inactive('configured, but no OTLP trace export arrived');
}

type SqliteDatabase = { prepare(sql: string): { all(): unknown[]; get(): unknown }; close(): void };
type SqliteConstructor = new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => SqliteDatabase;

/** Usage recording is at work when the variant's SQLite file (read after the gateway stopped) holds usage rows. */
export function usageStatus(databaseFile: string, requestsServed: number): FeatureStatus {
  if (!existsSync(databaseFile)) return inactive('configured, but the gateway made no SQLite file');
  const Database = createRequire(import.meta.url)('better-sqlite3') as SqliteConstructor;
  const database = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const usageTables = (database.prepare("select name from sqlite_master where type = 'table' and name like '%usage%'").all() as { name: string }[]).map(
      (row) => row.name,
    );
    // One row per request lives in usage_records; other usage tables (rollups) would count requests twice.
    const tables = usageTables.includes('usage_records') ? ['usage_records'] : usageTables;
    if (tables.length === 0) return inactive('configured, but the database has no usage table');
    const rows = tables.map((table) => (database.prepare(`select count(*) as n from "${table.replaceAll('"', '""')}"`).get() as { n: number }).n);
    const total = rows.reduce((sum, count) => sum + count, 0);
    const where = tables.join(', ');
    return total > 0
      ? active(`${total} rows in ${where} for about ${requestsServed} requests`)
      : inactive(`configured, but ${where} is empty after about ${requestsServed} requests`);
  } finally {
    database.close();
  }
}
