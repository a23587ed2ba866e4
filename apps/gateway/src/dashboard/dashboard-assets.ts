import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';

const NOT_BUILT_PAGE =
  '<!doctype html><title>Gatehouse</title><p>The dashboard is not built. Run <code>npm run build</code> and restart the gateway.</p>';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
  immutable: boolean;
}

/** The built dashboard, read once at start: a few small files, served from memory. */
function loadAssets(directory: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const body = readFileSync(path);
      const name = relative(directory, path).split('\\').join('/');
      assets.set(name, {
        body,
        contentType: contentTypes[extname(name)] ?? 'application/octet-stream',
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        // Vite names the files under assets/ by their content hash, so they never change.
        immutable: name.startsWith('assets/'),
      });
    }
  };
  walk(directory);
  return assets;
}

/** Serves the built dashboard at /ui (a single-page app: unknown paths under /ui get its index.html). */
export function serveDashboard(app: NestFastifyApplication, directory: string): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/ui', (_request, reply) => reply.redirect('/ui/', 302));
  if (!existsSync(join(directory, 'index.html'))) {
    fastify.get('/ui/*', (_request, reply) => reply.type('text/html').send(NOT_BUILT_PAGE));
    return;
  }
  const assets = loadAssets(directory);
  const index = assets.get('index.html')!;
  fastify.get<{ Params: { '*': string } }>('/ui/*', (request, reply) => {
    const path = request.params['*'];
    // A missing file (a stale hashed asset, a typo) is a 404; any other path is a page of the app.
    if (!assets.has(path) && /\.\w+$/.test(path)) return reply.status(404).type('text/plain').send('Not found');
    const asset = assets.get(path) ?? index;
    reply
      .header('content-type', asset.contentType)
      .header('etag', asset.etag)
      .header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    return reply.send(asset.body);
  });
}
