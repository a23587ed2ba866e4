import { join } from 'node:path';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type DestinationStream } from 'pino';
import { createGatewayApp } from '../../app-factory';
import { validateConfig } from '../../config';
import { listeningUrl } from '../../http/listening-url';
import { type RunningGateway } from '../../test/gateway-harness';
import { startTelemetry } from '../tracing/start-telemetry';

export interface ObservedGateway extends RunningGateway {
  /** Finished spans, when started with `tracing: true`. */
  spans: InMemorySpanExporter;
  /** Access-log lines written, parsed. */
  accessLog: Array<Record<string, unknown>>;
}

/**
 * The real gateway in this process, as gateway-harness starts it, with what observability tests need: spans captured
 * by the SDK's in-memory exporter (through startTelemetry's test option) and access-log lines captured as written.
 */
export async function startObservedGateway(fileShapedConfig: Record<string, unknown>, options: { tracing?: boolean } = {}): Promise<ObservedGateway> {
  const config = validateConfig(fileShapedConfig);
  const spans = new InMemorySpanExporter();
  const telemetry = options.tracing ? await startTelemetry(config.telemetry, { spanProcessors: [new SimpleSpanProcessor(spans)] }) : undefined;
  const accessLog: Array<Record<string, unknown>> = [];
  const accessLogDestination: DestinationStream = { write: (line: string) => void accessLog.push(JSON.parse(line)) };
  const app = await createGatewayApp(config, { dashboardDir: join(process.cwd(), 'dist/dashboard'), telemetry, accessLogDestination });
  await app.listen({ host: config.server.host, port: config.server.port });
  const url = listeningUrl(app.getHttpServer().address());
  return { url, app, config, spans, accessLog, close: () => app.close() };
}
