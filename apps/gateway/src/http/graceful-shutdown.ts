import { type Server } from 'node:http';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * On SIGTERM or SIGINT: stop accepting, let in-flight requests and streams finish, then close pools and exit.
 * After `drainTimeoutMs` the remaining connections are cut; a second signal exits at once.
 */
export function installGracefulShutdown(app: NestFastifyApplication, drainTimeoutMs: number): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    process.stdout.write(`gatehouse: ${signal} received, draining for up to ${drainTimeoutMs} ms\n`);
    const server = app.getHttpServer() as Server;
    const cut = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
    cut.unref();
    // A keep-alive connection whose last response just finished would otherwise hold the server open until the cut.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
    app
      .close()
      .then(() => {
        clearTimeout(cut);
        clearInterval(sweep);
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
