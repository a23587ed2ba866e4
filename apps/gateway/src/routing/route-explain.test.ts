import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from '../test/gateway-harness';

const ADMIN_KEY = 'admin-key-for-explain-tests';
let emulator: Emulator;
let gateway: RunningGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway(
    emulatorConfig(emulator.url, {
      admin: { api_key: ADMIN_KEY },
      routing: {
        default_model: 'qwen',
        decisions: [
          { name: 'complex', priority: 100, when: { any: [{ domain: 'math' }, { keywords: ['proof', 'theorem'] }] }, model: 'claude-sonnet' },
          { name: 'premium', priority: 50, when: { header: { name: 'x-tier', value: 'premium' } }, model: 'claude-sonnet' },
          { name: 'research', priority: 10, when: { team: 'research' }, model: 'claude-sonnet' },
        ],
      },
    }),
  );
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

function explain(body: unknown, query = '', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${gateway.url}/admin/api/route/explain${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('POST /admin/api/route/explain', () => {
  it('says which decision and target a request would get, and why, without calling upstream', async () => {
    emulator.clear();
    const response = await explain({ model: 'auto', max_tokens: 100, system: 'Be exact.', messages: [{ role: 'user', content: 'Is this theorem true?' }] });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body).toMatchObject({
      requested_model: 'auto',
      model: 'claude-sonnet',
      decision: 'complex',
      decision_header: 'complex',
      target: { provider: 'emulated-anthropic', model: 'claude-sonnet-4-5-20250929' },
      attempts: [{ model: 'claude-sonnet', provider: 'emulated-anthropic', upstream_model: 'claude-sonnet-4-5-20250929', fallback: false, retries: 1 }],
      skipped: [],
      facts: { dialect: 'anthropic-messages', dialect_source: 'guessed', prompt_text: 'Is this theorem true?', has_images: false, key: null },
    });
    expect(body.trace[0]).toEqual({
      name: 'complex',
      priority: 100,
      model: 'claude-sonnet',
      matched: true,
      when: {
        condition: 'any',
        matched: true,
        children: [
          { condition: 'domain [math]', matched: true, detail: expect.stringMatching(/^domain math \(0\.\d+, lexical\)$/) },
          { condition: 'keywords [proof, theorem]', matched: true, detail: 'found "theorem"' },
        ],
      },
    });
    expect(body.trace.map((decision: { name: string; matched: boolean }) => [decision.name, decision.matched])).toEqual([
      ['complex', true],
      ['premium', false],
      ['research', false],
    ]);
    expect(emulator.requests.filter((record) => record.method === 'POST')).toEqual([]);
  });

  it('takes the dialect from the query or the body, a key and team from the query, and headers from the call', async () => {
    const responses = await (await explain({ model: 'auto', input: 'hello there' }, '?dialect=openai-responses&team=research')).json();
    expect(responses).toMatchObject({ decision: 'research', facts: { dialect: 'openai-responses', dialect_source: 'given', team: 'research' } });
    const premium = await (await explain({ model: 'auto', dialect: 'openai-chat', messages: [{ role: 'user', content: 'hi' }] }, '', { 'x-tier': 'premium' })).json();
    expect(premium).toMatchObject({ decision: 'premium', facts: { dialect: 'openai-chat', dialect_source: 'given' } });
    const fallback = await (await explain({ model: 'auto', messages: [{ role: 'user', content: 'hi' }] })).json();
    expect(fallback).toMatchObject({ model: 'qwen', decision: null, decision_header: 'default' });
    const named = await (await explain({ model: 'qwen', messages: [{ role: 'user', content: 'hi' }] })).json();
    expect(named).toMatchObject({ model: 'qwen', decision: null, decision_header: 'none', trace: [] });
  });

  it('follows model overrides made through the admin API, and lends the providers page its circuit states', async () => {
    const put = await fetch(`${gateway.url}/admin/api/models/fresh`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ targets: [{ provider: 'emulated-openai', model: 'Fresh-1' }] }),
    });
    expect(put.status).toBe(200);
    const explained = await (await explain({ model: 'fresh', messages: [{ role: 'user', content: 'hi' }] })).json();
    expect(explained).toMatchObject({ model: 'fresh', target: { provider: 'emulated-openai', model: 'Fresh-1' } });
    const providers = (await (await fetch(`${gateway.url}/admin/api/providers`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json()) as {
      data: { name: string; breaker: string | null }[];
    };
    expect(providers.data.map((provider) => provider.breaker)).toEqual(['closed', 'closed']);
  });

  it('refuses without the admin key, and reports bad bodies and unknown models', async () => {
    const anonymous = await fetch(`${gateway.url}/admin/api/route/explain`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"model":"auto"}' });
    expect(anonymous.status).toBe(401);
    expect((await explain({ messages: [] })).status).toBe(400);
    expect((await explain({ model: 'auto', messages: [] }, '?dialect=klingon')).status).toBe(400);
    expect((await explain({ model: 'nope', messages: [] })).status).toBe(404);
  });
});
