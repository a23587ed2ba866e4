import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { validateConfig } from '../config';
import { ConfiguredProviders } from '../providers/configured-providers';
import { ProviderHealth } from './provider-health';

let emulator: Emulator;
const warnings: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  Logger.overrideLogger({ log: () => undefined, error: () => undefined, warn: (message: unknown) => void warnings.push(String(message)) });
});

afterAll(async () => {
  await emulator.close();
});

function healthFor(healthCheck?: Record<string, unknown>) {
  const config = validateConfig({
    providers: [
      { name: 'up', type: 'openai', base_url: `${emulator.url}/v1`, ...(healthCheck ? { health_check: healthCheck } : {}) },
      { name: 'down', type: 'anthropic', base_url: 'http://127.0.0.1:9', ...(healthCheck ? { health_check: healthCheck } : {}) },
    ],
  });
  const providers = new ConfiguredProviders(config);
  return { health: new ProviderHealth(config, providers), providers };
}

describe('ProviderHealth', () => {
  it('logs the unreachable upstreams at start, by a TCP check that sends no request', async () => {
    const { health, providers } = healthFor();
    emulator.clear();
    health.onApplicationBootstrap();
    await health.startCheck;
    expect(warnings).toContain('upstream "down" is unreachable at http://127.0.0.1:9');
    expect(warnings.some((line) => line.includes('"up"'))).toBe(false);
    expect(emulator.requests).toEqual([]);
    // Without health_check nothing is ever marked down.
    expect(health.unavailableReason('down')).toBeUndefined();
    health.onApplicationShutdown();
    await providers.onApplicationShutdown();
  });

  it('checks providers with health_check by listing their models, marking the failing ones', async () => {
    const { health, providers } = healthFor({ interval: '1h', timeout: '1s' });
    emulator.clear();
    expect(await health.check('up', 1_000)).toBe(true);
    expect(emulator.requests.map((record) => `${record.method} ${record.path}`)).toEqual(['GET /v1/models']);
    expect(await health.check('down', 1_000)).toBe(false);
    expect(health.unavailableReason('up')).toBeUndefined();
    expect(health.unavailableReason('down')).toMatch(/^health check failing \(could not reach provider "down"/);
    expect(health.status()).toEqual([
      { provider: 'up', healthy: true, checkedAt: expect.any(String) },
      { provider: 'down', healthy: false, checkedAt: expect.any(String), detail: expect.stringContaining('could not reach') },
    ]);
    expect(warnings.some((line) => line.startsWith('upstream "down" failed its health check'))).toBe(true);
    await providers.onApplicationShutdown();
  });

  it('counts a 5xx answer as unhealthy, and a 401 as healthy (the server answered)', async () => {
    let status = 503;
    const server = createServer((_request, response) => response.writeHead(status).end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const config = validateConfig({
      providers: [{ name: 'flaky', type: 'openai', base_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, health_check: { interval: '1h' } }],
    });
    const providers = new ConfiguredProviders(config);
    const health = new ProviderHealth(config, providers);
    try {
      expect(await health.check('flaky', 1_000)).toBe(false);
      expect(health.unavailableReason('flaky')).toBe('health check failing (status 503)');
      status = 401;
      expect(await health.check('flaky', 1_000)).toBe(true);
      expect(health.unavailableReason('flaky')).toBeUndefined();
    } finally {
      await providers.onApplicationShutdown();
      server.close();
    }
  });
});
