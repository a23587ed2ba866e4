// First of the gateway's modules: the V8 flags that shape the collections to come.
import './tune-v8';
import { fileURLToPath } from 'node:url';
import { createGatewayApp } from './app-factory';
import { ConfigError, loadConfig, resolveConfigSource } from './config';
import { listeningUrl } from './http/listening-url';
import { installGracefulShutdown } from './http/graceful-shutdown';
import { startTelemetry } from './observability/tracing/start-telemetry';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(resolveConfigSource(process.argv.slice(2), process.env, process.cwd()), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`gatehouse: invalid configuration\n${error.message}\n`);
    process.exit(1);
  }
  // Telemetry first, before Nest is created; nothing at all is started when telemetry.otlp_endpoint is unset.
  const telemetry = await startTelemetry(config.telemetry);
  const app = await createGatewayApp(config, { dashboardDir: fileURLToPath(new URL('../dashboard/', import.meta.url)), telemetry });
  await app.listen({ host: config.server.host, port: config.server.port });
  installGracefulShutdown(app, config.server.drain_timeout);
  process.stdout.write(`gatehouse listening on ${listeningUrl(app.getHttpServer().address())}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`gatehouse: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
