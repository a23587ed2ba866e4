import { createServer, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { type AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { Pool } from 'undici';

export interface FloorProxyOptions {
  /** Where every request goes: scheme, host and port (paths are kept). */
  upstream: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface FloorProxy {
  url: string;
  close(): Promise<void>;
}

// Hop-by-hop headers belong to one connection, not to the message (RFC 9110 §7.6.1); undici refuses some of them.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function endToEnd(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  return kept;
}

/**
 * The reference floor: the least a Node proxy can do. node:http in, one undici keep-alive pool out, the request and
 * response bodies streamed through unchanged, no parsing, no logging. What a gateway costs above this is its own.
 */
export async function startFloorProxy(options: FloorProxyOptions): Promise<FloorProxy> {
  const pool = new Pool(options.upstream, { connections: 256, pipelining: 1, keepAliveTimeout: 60_000 });
  const server = createServer((req, res) => {
    pool.request(
      { method: req.method as 'POST', path: req.url ?? '/', headers: endToEnd(req.headers) as Record<string, string>, body: req },
      (error, upstream) => {
        if (error) {
          if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`floor proxy: ${error.message}`);
          return;
        }
        res.writeHead(upstream.statusCode, endToEnd(upstream.headers));
        pipeline(upstream.body, res, () => undefined);
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await pool.close();
    },
  };
}
