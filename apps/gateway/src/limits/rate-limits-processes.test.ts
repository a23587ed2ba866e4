import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig } from '../test/gateway-harness';
import { buildIfStale, type GatewayProcess, spawnGateway } from '../test/gateway-process';
import { reachTestRedis, TEST_REDIS_URL } from './redis-for-tests';

const redis = await reachTestRedis();

describe.skipIf(redis.skipReason)(`two gateway processes sharing one Redis${redis.skipReason ? ` — skipped: ${redis.skipReason}` : ''}`, () => {
  const run = randomUUID().slice(0, 8);
  const key = { name: `shared-${run}`, key: `gh-shared-${run}`, limits: { rpm: 10 } };
  const directory = mkdtempSync(join(tmpdir(), 'gatehouse-limits-'));
  let emulator: Emulator;
  const gateways: GatewayProcess[] = [];

  beforeAll(async () => {
    buildIfStale();
    emulator = await startEmulator();
    for (const name of ['first', 'second']) {
      const config = emulatorConfig(emulator.url, { auth: { mode: 'keys' }, keys: [key] });
      // Each process has its own database; they share only Redis.
      config.storage = { database: `sqlite:${join(directory, `${name}.db`)}`, redis: TEST_REDIS_URL };
      const path = join(directory, `${name}.yaml`);
      writeFileSync(path, stringify(config));
      gateways.push(await spawnGateway(['--config', path]));
    }
  }, 120_000);

  afterAll(async () => {
    for (const gateway of gateways) gateway.child.kill('SIGTERM');
    await Promise.all(gateways.map((gateway) => gateway.exited));
    await emulator?.close();
    await redis.closeAll();
  });

  it('enforce one global limit: 10 requests per minute over both, whichever process a request reaches', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${gateways[i % 2]!.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'qwen', messages: [{ role: 'user', content: `request ${i}` }] }),
        }),
      ),
    );
    const admitted = responses.map((response, i) => ({ status: response.status, process: i % 2 })).filter((result) => result.status === 200);
    expect(admitted).toHaveLength(10);
    expect(responses.filter((response) => response.status === 429)).toHaveLength(20);
    // Both processes took part: neither kept a limit of its own.
    expect(responses.slice(0, 30).filter((_, i) => i % 2 === 0).some((response) => response.status === 429)).toBe(true);
    expect(responses.slice(0, 30).filter((_, i) => i % 2 === 1).some((response) => response.status === 429)).toBe(true);
  });
});
