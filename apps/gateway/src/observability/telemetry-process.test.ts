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

  it('logs a failing collector once, with the reason, instead of dropping spans without a word', async () => {
    const refusing = new CollectorEndpoint();
    refusing.status = 400;
    const directory = mkdtempSync(join(tmpdir(), 'gatehouse-telemetry-'));
    const configFile = join(directory, 'gatehouse.yaml');
    writeFileSync(configFile, stringify(emulatorConfig(emulator.url, { telemetry: { otlp_endpoint: await refusing.start() } })));
    const gateway = await spawnGateway(['--config', configFile]);
    try {
      const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'gk-process-client-key', maxRetries: 0 });
      for (let i = 0; i < 3; i++) await anthropic.messages.create({ model: 'claude-sonnet', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] });
      // Spans go out within a second (SPAN_FLUSH_INTERVAL_MS) and are refused.
      await expect.poll(() => refusing.received.length, { timeout: 5_000 }).toBeGreaterThan(0);
      await expect.poll(() => gateway.output.filter((line) => line.includes('OpenTelemetry export')), { timeout: 5_000 }).toHaveLength(1);
      expect(gateway.output.find((line) => line.includes('OpenTelemetry export'))).toContain('OTLP span export failed: Bad Request (HTTP 400)');
    } finally {
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
      await refusing.close();
    }
    // The export at shutdown was refused too, within the same minute: still one line.
    expect(gateway.output.filter((line) => line.includes('OpenTelemetry export'))).toHaveLength(1);
    expect(gateway.output.join('\n')).not.toContain('gk-process-client-key');
  });
});
