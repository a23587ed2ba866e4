import { type Server } from 'node:http';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { inFlightRequests } from './in-flight-requests';

/**
 * Stops accepting, lets in-flight requests and streams finish, then closes the app (pools, Redis, the database).
 * Connections with no request in flight (keep-alive, or opened and never used) are closed as soon as nothing is
 * in flight any more; after `drainTimeoutMs` every remaining connection is cut.
 */
export async function drainAndClose(app: NestFastifyApplication, drainTimeoutMs: number): Promise<void> {
  const server = app.getHttpServer() as Server;
  const cut = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
  const sweep = setInterval(() => {
    if (inFlightRequests(server) === 0) server.closeAllConnections();
    else server.closeIdleConnections();
  }, 50);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
    clearInterval(sweep);
  }
}

/** On SIGTERM or SIGINT: drain and close, then exit; a second signal exits at once. */
export function installGracefulShutdown(app: NestFastifyApplication, drainTimeoutMs: number): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    process.stdout.write(`gatehouse: ${signal} received, draining for up to ${drainTimeoutMs} ms\n`);
    drainAndClose(app, drainTimeoutMs)
      .then(() => {
        process.stdout.write('gatehouse: stopped\n');
        process.exit(0);
      })
      .catch((error: unknown) => {
        process.stderr.write(`gatehouse: error while stopping: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
