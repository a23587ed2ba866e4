import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { type ProviderSettings } from './provider-settings';
import { UpstreamPool } from './upstream-pool';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator?.close());

const settingsFor = (baseUrl: string, timeoutMs = 2000): ProviderSettings => ({
  name: 'test-provider',
  type: 'openai',
  baseUrl,
  apiKey: 'sk-secret',
  timeoutMs,
  connectTimeoutMs: 500,
  maxConnections: 2,
});

const chat = { method: 'POST' as const, path: '/v1/chat/completions', headers: { 'content-type': 'application/json' } };
const body = (text: string) => JSON.stringify({ model: 'm', messages: [{ role: 'user', content: text }] });

describe('UpstreamPool', () => {
  it('sends a request and hands back status, headers and a body stream', async () => {
    const pool = new UpstreamPool(settingsFor(`${emulator.url}/v1`));
    const response = await pool.send({ ...chat, body: body('hi') });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(JSON.parse(await new Response(response.body as unknown as ReadableStream).text()).choices[0].message.content).toBe('echo: hi');
    await pool.close();
  });

  it('turns a refused connection into a retryable upstream error that names the provider', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    const pool = new UpstreamPool(settingsFor(`http://127.0.0.1:${port}/v1`));
    await expect(pool.send({ ...chat, body: body('x') })).rejects.toMatchObject({ code: 'upstream', status: 502, retryable: true });
    await expect(pool.send({ ...chat, body: body('x') })).rejects.toThrow(/test-provider/);
    await pool.close();
  });

  it('turns a slow upstream into a retryable timeout', async () => {
    emulator.enqueue({ delay_ms: 1000 });
    const pool = new UpstreamPool(settingsFor(`${emulator.url}/v1`, 200));
    await expect(pool.send({ ...chat, body: body('slow') })).rejects.toMatchObject({ code: 'timeout', status: 504, retryable: true });
    await pool.close();
  });

  it('aborts when the signal fires', async () => {
    emulator.enqueue({ delay_ms: 1000 });
    const pool = new UpstreamPool(settingsFor(`${emulator.url}/v1`));
    const controller = new AbortController();
    const sent = pool.send({ ...chat, body: body('abort me') }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(sent).rejects.toMatchObject({ code: 'upstream', retryable: false });
    await pool.close();
  });
});
