import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { Database } from '../persistence/database';
import { ApiKeyEntity } from '../persistence/entities/api-key.entity';
import { UsageRecordEntity } from '../persistence/entities/usage-record.entity';
import { AdminClient } from './admin-client';
import { describeOnEachDatabase, type TestDatabase } from './each-database';
import { emulatorConfig } from './gateway-harness';
import { buildIfStale, spawnGateway } from './gateway-process';

// The built gateway process (as `npm start` runs it): queued usage records and last-used times reach the database
// when it stops on SIGTERM, and no secret ever shows up in what it prints.

const ADMIN_KEY = 'admin-secret-process-0123';
const BOOTSTRAP_KEY = 'gk-process-bootstrap-secret';
const WRONG_KEY = 'gk_live_this-key-is-wrong-0000000000';
const REQUESTS = 30;

let emulator: Emulator;
const directory = mkdtempSync(join(tmpdir(), 'gatehouse-usage-process-'));

beforeAll(async () => {
  buildIfStale();
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

describeOnEachDatabase('the gateway process', (target) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await target.create();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('writes every queued usage record and last-used time when it stops, and prints no secret', async () => {
    const config = emulatorConfig(emulator.url, {
      storage: { database: database.url },
      auth: { mode: 'keys' },
      admin: { api_key: ADMIN_KEY },
      keys: [{ name: 'bootstrap', key: BOOTSTRAP_KEY }],
    });
    const path = join(directory, `${target.kind}.yaml`);
    writeFileSync(path, stringify(config));
    const gateway = await spawnGateway(['--config', path]);

    const admin = new AdminClient(gateway.url, ADMIN_KEY);
    const created = await admin.post('/keys', { name: 'made-here' });
    expect(created.status, created.text).toBe(201);
    const madeKey: string = created.body.key;

    const clients = [BOOTSTRAP_KEY, madeKey].map((apiKey) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey, maxRetries: 0 }));
    await Promise.all(
      Array.from({ length: REQUESTS }, (_, index) =>
        clients[index % 2]!.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: `hello ${index}` }] }),
      ),
    );
    await expect(new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: WRONG_KEY, maxRetries: 0 }).models.list()).rejects.toThrow(/Invalid API key/);

    // Far fewer than a batch, and well within the flush interval: only the shutdown flush writes them.
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);

    const reopened = await Database.open(database.url);
    try {
      expect(await reopened.dataSource.getRepository(UsageRecordEntity).count()).toBe(REQUESTS);
      const key = await reopened.dataSource.getRepository(ApiKeyEntity).findOneByOrFail({ id: created.body.id });
      expect(key.last_used_at).not.toBeNull();
      expect(key.secret_hash).not.toContain(madeKey);
    } finally {
      await reopened.close();
    }

    const printed = gateway.output.join('\n');
    expect(printed).toContain('gatehouse listening on');
    for (const secret of [ADMIN_KEY, BOOTSTRAP_KEY, madeKey, WRONG_KEY, 'sk-ant-provider-secret', 'sk-openai-provider-secret']) {
      expect(printed).not.toContain(secret);
    }
  });
});
