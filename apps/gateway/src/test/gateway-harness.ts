import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatewayApp } from '../app-factory';
import { type GatehouseConfig, validateConfig } from '../config';
import { drainAndClose } from '../http/graceful-shutdown';
import { listeningUrl } from '../http/listening-url';

export interface RunningGateway {
  url: string;
  app: NestFastifyApplication;
  config: GatehouseConfig;
  close(): Promise<void>;
}

/** A config in the file's own shape (snake_case, durations as text) for the emulator at `emulatorUrl`. */
export function emulatorConfig(emulatorUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    server: { host: '127.0.0.1', port: 0 },
    storage: { database: `sqlite:${join(mkdtempSync(join(tmpdir(), 'gatehouse-test-')), 'gatehouse.db')}` },
    auth: { mode: 'open' },
    providers: [
      { name: 'emulated-anthropic', type: 'anthropic', base_url: emulatorUrl, api_key: 'sk-ant-provider-secret', timeout: '5s' },
      { name: 'emulated-openai', type: 'openai', base_url: `${emulatorUrl}/v1`, api_key: 'sk-openai-provider-secret', timeout: '5s' },
    ],
    models: [
      { name: 'claude-sonnet', targets: [{ provider: 'emulated-anthropic', model: 'claude-sonnet-4-5-20250929' }] },
      { name: 'qwen', targets: [{ provider: 'emulated-openai', model: 'Qwen/Qwen2.5-7B-Instruct' }] },
    ],
    ...extra,
  };
}

/** Starts the real gateway application in this process on a free port. */
export async function startGateway(fileShapedConfig: Record<string, unknown>): Promise<RunningGateway> {
  const config = validateConfig(fileShapedConfig);
  // Access-log lines are tested where they matter (observability/access-log); elsewhere they would only bury test output.
  const app = await createGatewayApp(config, { dashboardDir: join(process.cwd(), 'dist/dashboard'), accessLogDestination: { write: () => undefined } });
  await app.listen({ host: config.server.host, port: config.server.port });
  const url = listeningUrl(app.getHttpServer().address());
  return { url, app, config, close: () => drainAndClose(app, 2000) };
}
