import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig } from './gateway-harness';
import { buildIfStale, spawnGateway } from './gateway-process';

let emulator: Emulator;
const directory = mkdtempSync(join(tmpdir(), 'gatehouse-process-'));

beforeAll(async () => {
  buildIfStale();
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

function writeConfig(name: string, config: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, stringify(config));
  return path;
}

describe('the gateway process', () => {
  it('prints its listening line, finishes an in-flight stream after SIGTERM, then exits 0', async () => {
    const config = writeConfig('drain.yaml', emulatorConfig(emulator.url, { server: { host: '127.0.0.1', port: 0, drain_timeout: '10s' } }));
    const gateway = await spawnGateway(['--config', config]);
    expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    emulator.enqueue({ text: 'w1 w2 w3 w4 w5 w6 w7 w8', chunks: 8, chunk_delay_ms: 60 });
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'x' }], stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    let text = (await iterator.next()).value?.choices[0]?.delta.content ?? '';

    gateway.child.kill('SIGTERM');
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) text += next.value.choices[0]?.delta.content ?? '';

    expect(text).toBe('w1 w2 w3 w4 w5 w6 w7 w8');
    expect(await gateway.exited).toBe(0);
    expect(gateway.output.join('\n')).toContain('SIGTERM received');
  });

  it('refuses an invalid config with the path of each bad field, and exits 1', () => {
    const config = writeConfig('bad.yaml', {
      providers: [{ name: 'anthropic', type: 'anthropic', api_key: 'x' }],
      models: [{ name: 'm', targets: [{ provider: 'antropic' }] }],
      server: { port: 'eighty' },
    });
    const result = spawnSync(process.execPath, ['dist/gateway/main.js', '--config', config], { encoding: 'utf8', cwd: process.cwd() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('models[0].targets[0].provider: unknown provider "antropic"');
    expect(result.stderr).toContain('server.port');
  });

  it('starts with the embedded default and a provider from the environment', async () => {
    const gateway = await spawnGateway([], {
      PORT: '0',
      HOST: '127.0.0.1',
      OPENAI_BASE_URL: `${emulator.url}/v1`,
      OPENAI_API_KEY: 'sk-from-env',
      OPENAI_MODELS: 'gpt-4o-mini',
      GATEHOUSE_CONFIG: '',
    });
    try {
      const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
      const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'from env' }] });
      expect(completion.choices[0]!.message.content).toBe('echo: from env');
    } finally {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    }
  });
});
