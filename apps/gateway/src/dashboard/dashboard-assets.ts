import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type {} from '@fastify/static';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';

const NOT_BUILT_PAGE =
  '<!doctype html><title>Gatehouse</title><p>The dashboard is not built. Run <code>npm run build</code> and restart the gateway.</p>';

/** Serves the built dashboard at /ui (a single-page app: unknown paths under /ui get its index.html). */
export function serveDashboard(app: NestFastifyApplication, directory: string): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/ui', (_request, reply) => reply.redirect('/ui/', 302));
  if (!existsSync(join(directory, 'index.html'))) {
    fastify.get('/ui/*', (_request, reply) => reply.type('text/html').send(NOT_BUILT_PAGE));
    return;
  }
  app.useStaticAssets({ root: directory, prefix: '/ui/', wildcard: false, index: 'index.html' });
  fastify.get('/ui/*', (_request, reply) => reply.sendFile('index.html', directory));
}
