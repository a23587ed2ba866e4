import { adminApiRoutes } from '@gatehouse/contracts';
import { describe, expect, it } from 'vitest';
import { buildAdminOpenApiDocument } from './openapi-document';

describe('the admin OpenAPI document', () => {
  const document = buildAdminOpenApiDocument() as { openapi: string; paths: Record<string, Record<string, any>> };

  it('has one operation per route of the table, with a unique id', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    expect(operations.sort()).toEqual(adminApiRoutes.map((route) => `${route.method} /admin/api${route.path}`).sort());
    const ids = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((operation) => operation.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents bodies from the shared schemas, as requests may send them', () => {
    const create = document.paths['/admin/api/keys']!.post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['name']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.budget.properties.period).toMatchObject({ enum: ['day', 'month'], default: 'month' });
    expect(create.responses['201'].content['application/json'].schema.required).toContain('key');
    expect(create.responses['400'].description).toContain('issues');
  });

  it('documents query and path parameters', () => {
    const timeseries = document.paths['/admin/api/usage/timeseries']!.get;
    expect(timeseries.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(['from', 'to', 'bucket', 'group_by']);
    const key = document.paths['/admin/api/keys/{id}']!.patch;
    expect(key.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(document.paths['/admin/api/requests/export']!.get.responses['200'].content).toHaveProperty(['text/csv']);
  });
});
