import { z } from 'zod';
import { apiKeyListSchema, apiKeySchema, createdApiKeySchema, createKeyRequestSchema, updateKeyRequestSchema } from './keys';
import { effectiveModelSchema, modelDefinitionSchema, modelListSchema } from './models';
import { providerListSchema, providerTestResultSchema } from './providers';
import { requestLogPageSchema, requestLogQuerySchema } from './request-log';
import { createTeamRequestSchema, teamListSchema, teamSchema, updateTeamRequestSchema } from './teams';
import { usageSummaryQuerySchema, usageSummarySchema, usageTimeseriesQuerySchema, usageTimeseriesSchema } from './usage';

/** The effective config (the file plus overrides) with every secret masked, in the file's own shape. */
export const effectiveConfigSchema = z.record(z.string(), z.unknown());

export interface AdminApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Relative to /admin/api, with `{param}` placeholders. */
  path: string;
  summary: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success status and its body (a `text/csv` body when `csv` is set). */
  status: number;
  response?: z.ZodType;
  csv?: boolean;
}

/** Every admin API route with its schemas: the OpenAPI document is generated from this table. */
export const adminApiRoutes: readonly AdminApiRoute[] = [
  { method: 'get', path: '/keys', summary: 'List gateway keys (never their secrets)', status: 200, response: apiKeyListSchema },
  { method: 'post', path: '/keys', summary: 'Make a key; the answer holds its secret, shown this once', body: createKeyRequestSchema, status: 201, response: createdApiKeySchema },
  { method: 'get', path: '/keys/{id}', summary: 'Read one key', status: 200, response: apiKeySchema },
  { method: 'patch', path: '/keys/{id}', summary: 'Change a key: models, limits, budget, expiry', body: updateKeyRequestSchema, status: 200, response: apiKeySchema },
  { method: 'delete', path: '/keys/{id}', summary: 'Revoke a key: it gets 401 from then on', status: 200, response: apiKeySchema },
  { method: 'get', path: '/teams', summary: 'List teams', status: 200, response: teamListSchema },
  { method: 'post', path: '/teams', summary: 'Make a team', body: createTeamRequestSchema, status: 201, response: teamSchema },
  { method: 'patch', path: '/teams/{name}', summary: "Set or remove a team's budget", body: updateTeamRequestSchema, status: 200, response: teamSchema },
  { method: 'get', path: '/models', summary: 'The effective models: the config file plus overrides', status: 200, response: modelListSchema },
  { method: 'put', path: '/models/{name}', summary: 'Define or replace a model (an override, applied without a restart)', body: modelDefinitionSchema, status: 200, response: effectiveModelSchema },
  { method: 'delete', path: '/models/{name}', summary: "Remove a model's override (a model of the file returns to its file definition)", status: 204 },
  { method: 'get', path: '/config', summary: 'The effective config, secrets masked', status: 200, response: effectiveConfigSchema },
  { method: 'get', path: '/providers', summary: 'Providers with health and breaker state', status: 200, response: providerListSchema },
  { method: 'post', path: '/providers/{name}/test', summary: 'Make one real call to a provider (its model list) and time it', status: 200, response: providerTestResultSchema },
  { method: 'get', path: '/usage/summary', summary: 'Usage totals over a time range, optionally grouped', query: usageSummaryQuerySchema, status: 200, response: usageSummarySchema },
  { method: 'get', path: '/usage/timeseries', summary: 'Usage per time bucket, optionally grouped', query: usageTimeseriesQuerySchema, status: 200, response: usageTimeseriesSchema },
  { method: 'get', path: '/requests', summary: 'Recent requests, newest first, with filters and cursor pagination', query: requestLogQuerySchema, status: 200, response: requestLogPageSchema },
  { method: 'get', path: '/requests/export', summary: 'The requests matching the filters as CSV (limit and cursor are ignored)', query: requestLogQuerySchema, status: 200, csv: true },
];
