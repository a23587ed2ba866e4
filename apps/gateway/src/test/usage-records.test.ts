import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { AdminClient } from './admin-client';
import { describeOnEachDatabase, type TestDatabase } from './each-database';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// One usage record per request, written off the hot path, read back as analytics, the request log and CSV,
// on SQLite and on PostgreSQL.

const ADMIN_KEY = 'admin-secret-usage-0123';
const LOAD_KEY = 'gk-load-test-key-abcdef';
const CONCURRENT = 500;

interface Usage {
  input: number;
  output: number;
}

describeOnEachDatabase('usage records and analytics', (target) => {
  let database: TestDatabase;
  let emulator: Emulator;
  let gateway: RunningGateway;
  let admin: AdminClient;
  const sent: Usage = { input: 0, output: 0 };
  let startedAt: number;

  const summary = async (query: string) => {
    const response = await admin.get(`/usage/summary?${query}`);
    expect(response.status, response.text).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    database = await target.create();
    emulator = await startEmulator();
    gateway = await startGateway(
      emulatorConfig(emulator.url, {
        storage: { database: database.url },
        auth: { mode: 'keys' },
        admin: { api_key: ADMIN_KEY },
        keys: [{ name: 'load', key: LOAD_KEY, team: 'load-team' }],
      }),
    );
    admin = new AdminClient(gateway.url, ADMIN_KEY);
    startedAt = Date.now();
  });

  afterAll(async () => {
    await gateway?.close();
    await emulator?.close();
    await database?.drop();
  });

  it(`records exactly one row per request, with the tokens the clients were told, after ${CONCURRENT} concurrent requests`, async () => {
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: LOAD_KEY, maxRetries: 0 });
    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: LOAD_KEY, maxRetries: 0 });
    const calls = Array.from({ length: CONCURRENT }, async (_, index): Promise<Usage> => {
      const words = `request ${index} ${'word '.repeat(index % 7)}`;
      if (index % 5 === 0) {
        const stream = await openai.chat.completions.create({
          model: 'qwen',
          messages: [{ role: 'user', content: words }],
          stream: true,
          stream_options: { include_usage: true },
        });
        let usage: Usage = { input: 0, output: 0 };
        for await (const chunk of stream) if (chunk.usage) usage = { input: chunk.usage.prompt_tokens, output: chunk.usage.completion_tokens };
        return usage;
      }
      if (index % 5 < 3) {
        const completion = await openai.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: words }] });
        return { input: completion.usage!.prompt_tokens, output: completion.usage!.completion_tokens };
      }
      const reply = await anthropic.messages.create({ model: 'claude-sonnet', max_tokens: 50, messages: [{ role: 'user', content: words }] });
      return { input: reply.usage.input_tokens, output: reply.usage.output_tokens };
    });
    for (const usage of await Promise.all(calls)) {
      sent.input += usage.input;
      sent.output += usage.output;
    }
    expect(sent.input).toBeGreaterThan(CONCURRENT);

    // Rows are written in the background: every 200 rows or every second.
    let totals = (await summary('')).total;
    const waited = Date.now();
    while (totals.requests < CONCURRENT && Date.now() - waited < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      totals = (await summary('')).total;
    }
    expect(totals).toMatchObject({ requests: CONCURRENT, input_tokens: sent.input, output_tokens: sent.output, errors: 0 });
    expect(totals.cost_usd).toBeGreaterThan(0);
  });

  it('groups totals by model, endpoint, key, team and provider', async () => {
    const byModel = await summary('group_by=model');
    expect(byModel.data.map((group: { group: string; requests: number }) => [group.group, group.requests])).toEqual([
      ['qwen', 300],
      ['claude-sonnet', 200],
    ]);
    const byEndpoint = await summary('group_by=endpoint');
    expect(Object.fromEntries(byEndpoint.data.map((group: { group: string; requests: number }) => [group.group, group.requests]))).toEqual({
      'openai-chat': 300,
      'anthropic-messages': 200,
    });
    const byKey = await summary('group_by=key');
    expect(byKey.data).toEqual([expect.objectContaining({ group: 'config:load', label: 'load', requests: CONCURRENT, input_tokens: sent.input })]);
    expect((await summary('group_by=team')).data).toEqual([expect.objectContaining({ group: 'load-team', requests: CONCURRENT })]);
    const byProvider = await summary('group_by=provider');
    expect(byProvider.data.map((group: { group: string }) => group.group).sort()).toEqual(['emulated-anthropic', 'emulated-openai']);
    expect(byProvider.total.requests).toBe(CONCURRENT);
    // A range that holds none of them.
    const empty = await summary(`from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z`);
    expect(empty.total).toMatchObject({ requests: 0, input_tokens: 0, cost_usd: 0 });
  });

  it('gives the same totals per time bucket', async () => {
    const from = new Date(startedAt - 120_000).toISOString();
    const series = await admin.get(`/usage/timeseries?bucket=1m&group_by=model&from=${from}`);
    expect(series.status, series.text).toBe(200);
    const points = series.body.data as { bucket_start: string; group: string; requests: number; input_tokens: number }[];
    expect(points.reduce((sum, point) => sum + point.requests, 0)).toBe(CONCURRENT);
    expect(points.reduce((sum, point) => sum + point.input_tokens, 0)).toBe(sent.input);
    for (const point of points) {
      expect(Date.parse(point.bucket_start) % 60_000).toBe(0);
      expect(Date.parse(point.bucket_start)).toBeGreaterThanOrEqual(Math.floor(startedAt / 60_000) * 60_000);
    }
    const daily = await admin.get(`/usage/timeseries?bucket=1d&from=${from}`);
    expect(daily.body.data.reduce((sum: number, point: { requests: number }) => sum + point.requests, 0)).toBe(CONCURRENT);
  });

  it('pages through the request log newest first with a cursor, and filters it', async () => {
    const ids = new Set<string>();
    let cursor: string | null = null;
    let previous = Number.POSITIVE_INFINITY;
    let pages = 0;
    do {
      const page: any = await admin.get(`/requests?limit=120${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status, page.text).toBe(200);
      for (const entry of page.body.data) {
        expect(Date.parse(entry.time)).toBeLessThanOrEqual(previous);
        previous = Date.parse(entry.time);
        ids.add(entry.request_id);
      }
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor);
    expect(ids.size).toBe(CONCURRENT);
    expect(pages).toBe(5);

    const claude = await admin.get('/requests?model=claude-sonnet&limit=500');
    expect(claude.body.data).toHaveLength(200);
    expect(claude.body.data[0]).toMatchObject({
      key_id: 'config:load',
      key_name: 'load',
      team: 'load-team',
      endpoint: 'anthropic-messages',
      client_dialect: 'anthropic-messages',
      requested_model: 'claude-sonnet',
      routed_model: 'claude-sonnet',
      upstream_model: 'claude-sonnet-4-5-20250929',
      provider: 'emulated-anthropic',
      status: 200,
      error_kind: null,
      stream: false,
      attempts: 1,
    });
    const streamed = await admin.get('/requests?model=qwen&limit=500');
    expect(streamed.body.data.filter((entry: { stream: boolean }) => entry.stream)).toHaveLength(100);
    expect(streamed.body.data.find((entry: { stream: boolean }) => entry.stream).ttft_ms).not.toBeNull();

    expect((await admin.get('/requests?cursor=garbage')).status).toBe(400);
  });

  it('records failed requests with their error kind and finds them by status', async () => {
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: LOAD_KEY, maxRetries: 0 });
    for (let index = 0; index < 3; index++) {
      await expect(openai.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] })).rejects.toThrow(/does not exist/);
    }
    let errors: any[] = [];
    const waited = Date.now();
    while (errors.length < 3 && Date.now() - waited < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      errors = (await admin.get('/requests?status=4xx')).body.data;
    }
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatchObject({ status: 404, error_kind: 'not_found', requested_model: 'no-such-model', routed_model: null });
    expect((await admin.get('/requests?status=404')).body.data).toHaveLength(3);
    expect((await admin.get('/requests?status=ok&limit=1')).body.data[0].status).toBe(200);
    expect((await summary('group_by=model')).total.errors).toBe(3);
  });

  it('exports the log as CSV, one line per request', async () => {
    const response = await fetch(`${gateway.url}/admin/api/requests/export?model=claude-sonnet`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['id', 'time', 'request_id', 'key_id']);
    expect(lines).toHaveLength(201);
    expect(lines[1]).toContain(',config:load,load,load-team,anthropic-messages,');
    expect(lines.join('\n')).not.toContain(LOAD_KEY);
  });
});
