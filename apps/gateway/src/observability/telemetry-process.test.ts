import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig } from '../test/gateway-harness';
import { buildIfStale, spawnGateway } from '../test/gateway-process';
import { CollectorEndpoint } from './test/collector-endpoint';

// The built gateway, as `npm start` runs it: telemetry started first in main.ts (the bundle loads the SDK only then),
// spans over OTLP, and the access log buffered on stdout and flushed when the process stops.

let emulator: Emulator;
let collector: CollectorEndpoint;
let otlpEndpoint: string;

beforeAll(async () => {
  buildIfStale();
  emulator = await startEmulator();
  collector = new CollectorEndpoint();
  otlpEndpoint = await collector.start();
});

afterAll(async () => {
  await emulator?.close();
  await collector?.close();
});

describe('the gateway process with telemetry', () => {
  it('exports spans over OTLP and writes the access log to stdout, flushed on SIGTERM', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'gatehouse-telemetry-'));
    const configFile = join(directory, 'gatehouse.yaml');
    writeFileSync(configFile, stringify(emulatorConfig(emulator.url, { telemetry: { otlp_endpoint: otlpEndpoint, service_name: 'gatehouse-process' } })));
    const gateway = await spawnGateway(['--config', configFile]);

    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'gk-process-client-key', maxRetries: 0 });
    await anthropic.messages.create(
      { model: 'claude-sonnet', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'x-request-id': 'req-process-1' } },
    );
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);

    const accessLines = gateway.output.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(accessLines).toContainEqual(expect.objectContaining({ msg: 'request', request_id: 'req-process-1', status: 200, 'gen_ai.request.model': 'claude-sonnet' }));
    const traces = collector.received.filter((request) => request.path === '/v1/traces').map((request) => request.body);
    expect(traces.join('\n')).toContain('chat claude-sonnet');
    expect(traces.join('\n')).toContain('gatehouse-process');
    expect(gateway.output.join('\n')).not.toContain('gk-process-client-key');
  });
});
