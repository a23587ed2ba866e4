import { adminApiRoutes, adminErrorSchema } from '@gatehouse/contracts';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12, which OpenAPI 3.1 uses as is; what a request may send (`input`) or what an answer holds (`output`). */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

function queryParameters(schema: z.ZodType): object[] {
  const document = jsonSchemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(document.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: document.required?.includes(name) ?? false,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

/**
 * The OpenAPI 3.1 document of the admin API, generated from the route table and zod schemas of @gatehouse/contracts:
 * the schemas the gateway validates with are the ones documented.
 */
export function buildAdminOpenApiDocument(): object {
  const error = { description: 'error', content: json(jsonSchemaOf(adminErrorSchema, 'output')) };
  const paths: Record<string, Record<string, object>> = {};
  for (const route of adminApiRoutes) {
    const path = `/admin/api${route.path}`;
    const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    const success = route.csv
      ? { description: 'CSV, one line per request', content: { 'text/csv': { schema: { type: 'string' } } } }
      : route.response
        ? { description: 'success', content: json(jsonSchemaOf(route.response, 'output')) }
        : { description: 'success, no content' };
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      operationId: `${route.method}${route.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase())}`,
      parameters: [...pathParameters, ...(route.query ? queryParameters(route.query) : [])],
      ...(route.body ? { requestBody: { required: true, content: json(jsonSchemaOf(route.body, 'input')) } } : {}),
      responses: {
        [String(route.status)]: success,
        ...(route.body || route.query ? { '400': { ...error, description: 'invalid body or query: `error.issues` lists each bad field by path' } } : {}),
        '401': { ...error, description: 'no admin key, or a wrong one' },
        ...(route.path.includes('{') ? { '404': { ...error, description: 'not found' } } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gatehouse admin API',
      version: '1',
      description: 'Keys, teams, budgets, model overrides, providers and usage analytics. Every route needs `Authorization: Bearer ADMIN_KEY`.',
    },
    servers: [{ url: '/' }],
    security: [{ adminKey: [] }],
    components: { securitySchemes: { adminKey: { type: 'http', scheme: 'bearer', description: 'admin.api_key (GATEHOUSE_ADMIN_KEY)' } } },
    paths,
  };
}
