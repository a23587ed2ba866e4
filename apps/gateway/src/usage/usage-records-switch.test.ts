import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { Database } from '../persistence/database';
import { UsageRecordEntity } from '../persistence/entities/usage-record.entity';
import { emulatorConfig, startGateway } from '../test/gateway-harness';

// storage.usage_records through the real gateway: the rows in its SQLite file after it shut down.

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

async function rowsAfterTwoRequests(usageRecords: boolean | undefined): Promise<string[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'gatehouse-usage-switch-')), 'gatehouse.db');
  const storage = usageRecords === undefined ? { database: `sqlite:${file}` } : { database: `sqlite:${file}`, usage_records: usageRecords };
  const gateway = await startGateway(emulatorConfig(emulator.url, { storage }));
  const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  for (const id of ['switch-1', 'switch-2']) {
    await openai.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'x-request-id': id } });
  }
  await gateway.close();
  const database = await Database.open(`sqlite:${file}`);
  try {
    const rows = await database.dataSource.getRepository(UsageRecordEntity).find({ order: { request_id: 'ASC' } });
    return rows.map((row) => row.request_id);
  } finally {
    await database.close();
  }
}

describe('storage.usage_records', () => {
  it('records a row per request by default', async () => {
    expect(await rowsAfterTwoRequests(undefined)).toEqual(['switch-1', 'switch-2']);
  });

  it('records nothing when false, and the gateway serves as before', async () => {
    expect(await rowsAfterTwoRequests(false)).toEqual([]);
  });
});
