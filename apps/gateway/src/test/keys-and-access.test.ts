import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { AdminClient } from './admin-client';
import { describeOnEachDatabase, type TestDatabase } from './each-database';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// Keys, allow-lists, budgets and the admin API against the real gateway (in this process, on a free port), the
// emulator as upstream and the official SDKs as clients, on SQLite and on PostgreSQL.

const ADMIN_KEY = 'admin-secret-0123456789';
const BOOTSTRAP_KEY = 'gk-bootstrap-secret-abcdef';
const BOOTSTRAP_QWEN_ONLY_KEY = 'gk-bootstrap-qwen-only-123456';
const PROVIDER_SECRETS = ['sk-ant-provider-secret', 'sk-openai-provider-secret'];

const openai = (gateway: RunningGateway, apiKey: string) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey, maxRetries: 0 });
const anthropic = (gateway: RunningGateway, apiKey: string) => new Anthropic({ baseURL: gateway.url, apiKey, maxRetries: 0 });
const chat = (gateway: RunningGateway, apiKey: string, model = 'qwen', content = 'hello') =>
  openai(gateway, apiKey).chat.completions.create({ model, messages: [{ role: 'user', content }] });
const message = (gateway: RunningGateway, apiKey: string, model = 'claude-sonnet') =>
  anthropic(gateway, apiKey).messages.create({ model, max_tokens: 20, messages: [{ role: 'user', content: 'hello' }] });

/** The error a call failed with (SDK errors carry status and the parsed body). */
async function failureOf(call: Promise<unknown>): Promise<any> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

const post = (gateway: RunningGateway, path: string, headers: Record<string, string>, body: unknown) =>
  fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describeOnEachDatabase('keys, budgets and the admin API', (target) => {
  let database: TestDatabase;
  let emulator: Emulator;
  let gateway: RunningGateway;
  /** A second gateway on the same database: another process as far as caches go. */
  let replica: RunningGateway;
  let admin: AdminClient;
  const createdSecrets: string[] = [];

  const createKey = async (body: Record<string, unknown>) => {
    const response = await admin.post('/keys', body);
    expect(response.status, response.text).toBe(201);
    createdSecrets.push(response.body.key);
    return response.body as { id: string; key: string; prefix: string; name: string };
  };

  beforeAll(async () => {
    database = await target.create();
    emulator = await startEmulator();
    const config = emulatorConfig(emulator.url, {
      storage: { database: database.url },
      auth: { mode: 'keys' },
      admin: { api_key: ADMIN_KEY },
      keys: [
        { name: 'bootstrap', key: BOOTSTRAP_KEY, team: 'platform' },
        { name: 'bootstrap-qwen-only', key: BOOTSTRAP_QWEN_ONLY_KEY, models: ['qwen'], budget: { tokens: 1_000_000, period: 'day' } },
      ],
    });
    gateway = await startGateway(config);
    replica = await startGateway(config);
    admin = new AdminClient(gateway.url, ADMIN_KEY);
  });

  afterAll(async () => {
    await replica?.close();
    await gateway?.close();
    await emulator?.close();
    await database?.drop();
  });

  it('refuses the admin API without the admin key or with a wrong one, on every route', async () => {
    for (const path of ['/keys', '/teams', '/models', '/config', '/providers', '/usage/summary', '/requests', '/openapi.json']) {
      const missing = await new AdminClient(gateway.url, undefined).get(path);
      expect(missing.status, path).toBe(401);
      expect(missing.body.error.type).toBe('authentication_error');
      const wrong = await new AdminClient(gateway.url, `${ADMIN_KEY}x`).get(path);
      expect(wrong.status, path).toBe(401);
      expect((await admin.get(path)).status, path).toBe(200);
    }
    const write = await new AdminClient(gateway.url, 'nope').post('/keys', { name: 'sneaky' });
    expect(write.status).toBe(401);
    expect((await admin.get('/keys')).body.data.map((key: { name: string }) => key.name)).not.toContain('sneaky');
  });

  it('accepts the config file keys as Bearer (OpenAI SDK) and as x-api-key (Anthropic SDK)', async () => {
    const completion = await chat(gateway, BOOTSTRAP_KEY);
    expect(completion.choices[0]!.message.content).toBe('echo: hello');
    const reply = await message(gateway, BOOTSTRAP_KEY);
    expect(reply.content[0]).toMatchObject({ type: 'text', text: 'echo: hello' });
    // The client's key never goes upstream.
    expect(JSON.stringify(emulator.requests.map((request) => request.headers))).not.toContain(BOOTSTRAP_KEY);
  });

  it('answers a missing or unknown key with 401 in the format of the API called', async () => {
    const chatResponse = await post(gateway, '/v1/chat/completions', {}, { model: 'qwen', messages: [{ role: 'user', content: 'x' }] });
    expect(chatResponse.status).toBe(401);
    expect(await chatResponse.json()).toMatchObject({ error: { type: 'authentication_error', code: 'authentication' } });

    const messagesResponse = await post(gateway, '/v1/messages', { 'x-api-key': 'gk_live_unknown' }, { model: 'claude-sonnet', max_tokens: 5, messages: [] });
    expect(messagesResponse.status).toBe(401);
    expect(await messagesResponse.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });

    const models = await fetch(`${gateway.url}/v1/models`);
    expect(models.status).toBe(401);
  });

  it('makes a key that works with the OpenAI SDK, shows its secret only once, and refuses it within a second of revoking, everywhere', async () => {
    const created = await createKey({ name: 'ci', team: 'research' });
    expect(created.key).toMatch(/^gk_live_[A-Za-z0-9_-]{32}$/);
    expect(created.prefix).toBe(created.key.slice(0, 12));

    const listed = await admin.get('/keys');
    const one = await admin.get(`/keys/${created.id}`);
    expect(one.body).toMatchObject({ id: created.id, name: 'ci', team: 'research', source: 'database', revoked_at: null });
    for (const response of [listed, one]) expect(response.text).not.toContain(created.key);
    expect(listed.body.data.map((key: { name: string }) => key.name)).toEqual(expect.arrayContaining(['ci', 'bootstrap', 'bootstrap-qwen-only']));

    expect((await chat(gateway, created.key)).choices[0]!.message.content).toBe('echo: hello');
    // Another process learns of a new key from the database within a poll interval.
    const made = Date.now();
    let fromReplica: any;
    do fromReplica = await chat(replica, created.key).catch((error: unknown) => error);
    while (fromReplica instanceof OpenAI.AuthenticationError && Date.now() - made < 3000);
    expect(fromReplica.choices[0].message.content).toBe('echo: hello');
    expect(Date.now() - made).toBeLessThan(1000);

    const revoked = await admin.delete(`/keys/${created.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).not.toBeNull();
    const revokedAt = Date.now();

    // The gateway that took the DELETE refuses at once; the replica learns it from the database.
    const here = await failureOf(chat(gateway, created.key));
    expect(here.status).toBe(401);
    expect(here.message).toContain('revoked');
    let there: any;
    do there = await chat(replica, created.key).catch((error: unknown) => error);
    while (!(there instanceof OpenAI.AuthenticationError) && Date.now() - revokedAt < 3000);
    expect(there).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(Date.now() - revokedAt).toBeLessThan(1000);
  });

  it('refuses a key once it has expired', async () => {
    const expiresAt = Date.now() + 1500;
    const created = await createKey({ name: 'short-lived', expires_at: new Date(expiresAt).toISOString() });
    expect((await chat(gateway, created.key)).choices[0]!.message.content).toBe('echo: hello');
    await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() + 50));
    const refused = await failureOf(chat(gateway, created.key));
    expect(refused.status).toBe(401);
    expect(refused.message).toContain('"short-lived" expired at');
  });

  it('records when a database key was last used', async () => {
    const created = await createKey({ name: 'last-used' });
    expect((await admin.get(`/keys/${created.id}`)).body.last_used_at).toBeNull();
    await chat(gateway, created.key);
    // Written in the background every few seconds, or when the gateway stops.
    let lastUsed: string | null = null;
    const started = Date.now();
    while (!lastUsed && Date.now() - started < 8000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      lastUsed = (await admin.get(`/keys/${created.id}`)).body.last_used_at;
    }
    expect(Date.parse(lastUsed!)).toBeGreaterThan(started - 10_000);
  });

  it('refuses a model outside the allow-list with 403, in the OpenAI and the Anthropic format', async () => {
    const created = await createKey({ name: 'qwen-only', models: ['qwen'] });
    expect((await chat(gateway, created.key, 'qwen')).choices[0]!.message.content).toBe('echo: hello');

    const openaiError = await failureOf(chat(gateway, created.key, 'claude-sonnet'));
    expect(openaiError).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(openaiError.error).toMatchObject({ type: 'permission_error', param: 'model' });
    expect(openaiError.message).toContain('may use: qwen');

    const anthropicError = await failureOf(message(gateway, created.key, 'claude-sonnet'));
    expect(anthropicError).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect(anthropicError.error).toMatchObject({ type: 'error', error: { type: 'permission_error' } });

    // The same holds for a config key's allow-list.
    const bootstrapError = await failureOf(message(gateway, BOOTSTRAP_QWEN_ONLY_KEY, 'claude-sonnet'));
    expect(bootstrapError.status).toBe(403);

    // A changed allow-list applies at once.
    const patched = await admin.patch(`/keys/${created.id}`, { models: ['qwen', 'claude-sonnet'] });
    expect(patched.status, patched.text).toBe(200);
    expect((await message(gateway, created.key, 'claude-sonnet')).content[0]).toMatchObject({ text: 'echo: hello' });
  });

  it('refuses a key over its token budget with 429 budget_exceeded naming the budget, in both formats', async () => {
    const created = await createKey({ name: 'budgeted', budget: { tokens: 40, period: 'day' } });
    let refused: any;
    for (let attempt = 0; attempt < 40 && !refused; attempt++) {
      refused = await chat(gateway, created.key, 'qwen', 'one two three four five six seven eight').then(
        () => undefined,
        (error: unknown) => error,
      );
    }
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    expect(refused.error.type).toBe('budget_exceeded');
    expect(refused.message).toMatch(/Budget exceeded: the key "budgeted" has used \d+ tokens of its daily 40-token budget/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    const anthropicError = await failureOf(message(gateway, created.key, 'claude-sonnet'));
    expect(anthropicError.status).toBe(429);
    expect(anthropicError.error).toMatchObject({ type: 'error', error: { type: 'budget_exceeded' } });

    // Raising the budget lets the key through again.
    await admin.patch(`/keys/${created.id}`, { budget: { tokens: 1_000_000, period: 'day' } });
    expect((await chat(gateway, created.key)).choices[0]!.message.content).toBe('echo: hello');
  });

  it("refuses every key of a team over the team's budget", async () => {
    const team = await admin.post('/teams', { name: 'frugal', budget: { cost_usd: 0.000001, period: 'month' } });
    expect(team.status, team.text).toBe(201);
    const first = await createKey({ name: 'frugal-1', team: 'frugal' });
    const second = await createKey({ name: 'frugal-2', team: 'frugal' });
    // claude-sonnet's upstream is claude-sonnet-4-5-20250929: priced from the built-in table.
    await message(gateway, first.key, 'claude-sonnet');
    let refused: any;
    for (let attempt = 0; attempt < 20 && !refused; attempt++) {
      refused = await message(gateway, second.key, 'claude-sonnet').then(
        () => undefined,
        (error: unknown) => error,
      );
    }
    expect(refused?.status).toBe(429);
    expect(refused.error.error.type).toBe('budget_exceeded');
    expect(refused.error.error.message).toContain('the team "frugal"');
    expect(refused.error.error.message).toContain('monthly $0.000001 cost budget');
    const teams = await admin.get('/teams');
    expect(teams.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'frugal', key_count: 2, source: 'database' }),
        expect.objectContaining({ name: 'platform', source: 'config', key_count: 1 }),
      ]),
    );
    expect((await admin.post('/teams', { name: 'frugal' })).status).toBe(409);
  });

  it('answers bad admin bodies and queries with 400 naming each bad field, and writes nothing', async () => {
    const before = (await admin.get('/keys')).body.data.length;
    const bad = await admin.post('/keys', { name: '', team: 'x', limits: { rpm: -1, burst: 3 }, budget: { period: 'week' }, models: ['qwen', 'nope'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.type).toBe('invalid_request_error');
    const paths = bad.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'limits.rpm', 'limits.burst', 'budget.period']));

    const unknownModel = await admin.post('/keys', { name: 'typo', models: ['qwen', 'claude-sonet'] });
    expect(unknownModel.status).toBe(400);
    expect(unknownModel.body.error.issues).toEqual([{ path: 'models[1]', message: 'unknown model "claude-sonet"' }]);

    expect((await admin.post('/keys', 'not json')).status).toBe(400);
    expect((await admin.post('/keys', { name: 'x', expires_at: '2001-01-01T00:00:00Z' })).body.error.issues).toEqual([
      { path: 'expires_at', message: 'must be in the future' },
    ]);
    expect((await admin.get('/keys')).body.data.length).toBe(before);

    const badPatch = await admin.patch('/keys/no-such-id', { limits: { rpm: 'fast' } });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['limits.rpm']);
    expect((await admin.patch('/keys/no-such-id', { limits: { rpm: 5 } })).status).toBe(404);
    expect((await admin.patch('/keys/config:bootstrap', { limits: { rpm: 5 } })).status).toBe(409);

    const badModel = await admin.put('/models/new-model', { targets: [{ provider: 'emulated-openia', weight: 0 }], fallbacks: ['ghost'] });
    expect(badModel.status).toBe(400);
    expect(badModel.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['targets[0].weight']);
    const badReference = await admin.put('/models/new-model', { targets: [{ provider: 'emulated-openia' }], fallbacks: ['ghost'] });
    expect(badReference.status).toBe(400);
    expect(badReference.body.error.issues).toEqual([
      { path: 'targets[0].provider', message: 'unknown provider "emulated-openia" (did you mean "emulated-openai"?)' },
      { path: 'fallbacks[0]', message: 'unknown model "ghost"' },
    ]);
    expect((await admin.get('/models')).body.data.map((model: { name: string }) => model.name)).not.toContain('new-model');

    const badQuery = await admin.get('/usage/timeseries?bucket=5m&group_by=colour&from=yesterday');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['bucket', 'from', 'group_by']);
  });

  it('defines, changes and removes model overrides without a restart, in every process', async () => {
    const put = await admin.put('/models/qwen-fast', { targets: [{ provider: 'emulated-openai', model: 'Qwen/Qwen2.5-0.5B' }], pricing: { input_per_mtok: 0.1, output_per_mtok: 0.2 } });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ name: 'qwen-fast', source: 'override', in_config_file: false, targets: [{ provider: 'emulated-openai', model: 'Qwen/Qwen2.5-0.5B', weight: 1 }] });

    const replicaAdmin = new AdminClient(replica.url, ADMIN_KEY);
    let seen = false;
    const started = Date.now();
    while (!seen && Date.now() - started < 2000) {
      seen = (await replicaAdmin.get('/models')).body.data.some((model: { name: string }) => model.name === 'qwen-fast');
    }
    expect(seen).toBe(true);

    const replaced = await admin.put('/models/qwen', { targets: [{ provider: 'emulated-openai', model: 'Qwen/Qwen3-8B' }], fallbacks: ['qwen-fast'] });
    expect(replaced.body).toMatchObject({ source: 'override', in_config_file: true, fallbacks: ['qwen-fast'] });
    const config = await admin.get('/config');
    expect(config.body.models.find((model: { name: string }) => model.name === 'qwen').targets[0].model).toBe('Qwen/Qwen3-8B');

    // qwen-fast is now a fallback of qwen: removing it would leave a dangling reference.
    const refused = await admin.delete('/models/qwen-fast');
    expect(refused.status).toBe(409);
    expect(refused.body.error.issues).toEqual([{ path: 'models["qwen"].fallbacks[0]', message: 'unknown model "qwen-fast"' }]);

    expect((await admin.delete('/models/qwen')).status).toBe(204);
    expect((await admin.delete('/models/qwen-fast')).status).toBe(204);
    expect((await admin.delete('/models/qwen-fast')).status).toBe(404);
    const models = (await admin.get('/models')).body.data;
    expect(models.find((model: { name: string }) => model.name === 'qwen')).toMatchObject({ source: 'config', targets: [{ model: 'Qwen/Qwen2.5-7B-Instruct' }] });
  });

  it('lists providers with health and makes a real test call', async () => {
    const providers = await admin.get('/providers');
    expect(providers.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'emulated-openai', type: 'openai', models: ['qwen'], health: expect.objectContaining({ reachable: true }) }),
      ]),
    );
    const test = await admin.post('/providers/emulated-openai/test');
    expect(test.body).toMatchObject({ provider: 'emulated-openai', ok: true, status: 200, error: null });
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect((await admin.post('/providers/nobody/test')).status).toBe(404);
  });

  it('serves the OpenAPI document and a docs page', async () => {
    const document = await admin.get('/openapi.json');
    expect(document.body.openapi).toBe('3.1.0');
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/admin/api/keys', '/admin/api/keys/{id}', '/admin/api/usage/timeseries']));
    expect(document.body.paths['/admin/api/keys'].post.requestBody.content['application/json'].schema.required).toEqual(['name']);
    const page = await fetch(`${gateway.url}/admin/api/docs`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/admin/api/openapi.json');
  });

  it('never shows a secret in an admin response, but each new key once', async () => {
    const config = await admin.get('/config');
    expect(config.body.keys[0].key).toBe('••••cdef');
    expect(config.body.admin.api_key).toBe('••••6789');
    const everything = admin.seen.join('\n');
    for (const secret of [ADMIN_KEY, BOOTSTRAP_KEY, BOOTSTRAP_QWEN_ONLY_KEY, ...PROVIDER_SECRETS]) expect(everything).not.toContain(secret);
    for (const secret of createdSecrets) expect(admin.seen.filter((text) => text.includes(secret))).toHaveLength(1);
  });
});
