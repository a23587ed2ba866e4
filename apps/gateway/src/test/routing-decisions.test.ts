import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// Model "auto" routed by routing.decisions through the real gateway, called with the official SDKs, and the same
// requests put to POST /admin/api/route/explain, which must answer alike without calling any upstream.

const ADMIN_KEY = 'admin-key-for-decision-tests';
const KEYS = {
  alice: { name: 'alice', key: 'gk-alice-0123456789', team: 'research' },
  bob: { name: 'bob', key: 'gk-bob-0123456789', team: 'sales' },
  carol: { name: 'carol', key: 'gk-carol-0123456789' },
} as const;
type KeyName = keyof typeof KEYS;

/** A 1×1 PNG. */
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Each routed model goes to its own upstream id, so the emulator's record says where a request went. */
const MODEL_NAMES = ['reasoner', 'lawyer', 'vision', 'long-context', 'premium', 'regexed', 'support', 'claude', 'bob-model', 'research', 'small'];
const upstreamIdOf = (model: string) => `${model}-upstream`;

let emulator: Emulator;
let gateway: RunningGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway(
    emulatorConfig(emulator.url, {
      auth: { mode: 'keys' },
      admin: { api_key: ADMIN_KEY },
      keys: Object.values(KEYS),
      models: MODEL_NAMES.map((name) => ({
        name,
        targets: [{ provider: name === 'claude' ? 'emulated-anthropic' : 'emulated-openai', model: upstreamIdOf(name) }],
        ...(name === 'vision' ? { vision: true } : {}),
      })),
      routing: {
        default_model: 'small',
        decisions: [
          // Listed out of priority order on purpose: the highest priority that matches wins, whatever the order.
          { name: 'by-team', priority: 30, when: { team: 'research' }, model: 'research' },
          { name: 'by-key', priority: 40, when: { key: ['bob'] }, model: 'bob-model' },
          { name: 'reasoning', priority: 100, when: { keywords: ['proof', 'theorem'] }, model: 'reasoner' },
          { name: 'order-lookup', priority: 95, when: { regex: '\\bSKU-\\d{4}\\b' }, model: 'regexed' },
          { name: 'legal', priority: 90, when: { domain: 'law' }, model: 'lawyer' },
          { name: 'images', priority: 80, when: { has_images: true }, model: 'vision' },
          { name: 'long-prompt', priority: 70, when: { prompt_tokens: { above: 1500 } }, model: 'long-context' },
          { name: 'premium-tier', priority: 60, when: { header: { name: 'x-tier', value: 'premium' } }, model: 'premium' },
          { name: 'refunds-outside-research', priority: 55, when: { all: [{ keywords: ['refund'] }, { not: { team: 'research' } }] }, model: 'support' },
          { name: 'anthropic-clients', priority: 50, when: { dialect: 'anthropic-messages' }, model: 'claude' },
        ],
      },
      telemetry: { access_log: false },
    }),
  );
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => emulator.reset());

it('lists "auto" with the configured models, as routing decisions and a default model make it usable', async () => {
  const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: KEYS.carol.key, maxRetries: 0 });
  const ids = [];
  for await (const model of client.models.list()) ids.push(model.id);
  expect(ids).toEqual([...MODEL_NAMES, 'auto']);
});

interface Row {
  case: string;
  client: 'openai' | 'anthropic';
  key: KeyName;
  /** A string, or content parts in the client's own dialect. */
  content: string | Record<string, unknown>[];
  headers?: Record<string, string>;
  model?: string;
  decision: string;
  routed: string;
}

const rows: Row[] = [
  { case: 'a keyword', client: 'openai', key: 'carol', content: 'Can you check this proof for me?', decision: 'reasoning', routed: 'reasoner' },
  { case: 'a keyword in another case', client: 'openai', key: 'carol', content: 'THEOREM of the day, please', decision: 'reasoning', routed: 'reasoner' },
  { case: 'a keyword only as part of a word (no match)', client: 'openai', key: 'carol', content: 'Please proofread my theorems-free essay', decision: 'default', routed: 'small' },
  { case: 'a regex', client: 'openai', key: 'carol', content: 'Where is my order SKU-1234?', decision: 'order-lookup', routed: 'regexed' },
  {
    case: 'the domain (lexical classifier)',
    client: 'openai',
    key: 'carol',
    content: 'The plaintiff filed a lawsuit in court against the defendant for breach of contract and negligence.',
    decision: 'legal',
    routed: 'lawyer',
  },
  {
    case: 'an image (vision model)',
    client: 'openai',
    key: 'carol',
    content: [
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image_url', image_url: { url: PIXEL } },
    ],
    decision: 'images',
    routed: 'vision',
  },
  {
    case: 'an image from an Anthropic client (vision model, translated to its OpenAI target)',
    client: 'anthropic',
    key: 'carol',
    content: [
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PIXEL.slice(PIXEL.indexOf(',') + 1) } },
    ],
    decision: 'images',
    routed: 'vision',
  },
  { case: 'prompt tokens above a bound', client: 'openai', key: 'carol', content: 'word '.repeat(1_600), decision: 'long-prompt', routed: 'long-context' },
  { case: 'a header value', client: 'openai', key: 'carol', content: 'hello', headers: { 'x-tier': 'premium' }, decision: 'premium-tier', routed: 'premium' },
  { case: 'another header value (no match)', client: 'openai', key: 'carol', content: 'hello', headers: { 'x-tier': 'basic' }, decision: 'default', routed: 'small' },
  { case: 'all + not, outside the team', client: 'openai', key: 'carol', content: 'I want a refund', decision: 'refunds-outside-research', routed: 'support' },
  { case: 'all + not, inside the team (falls to by-team)', client: 'openai', key: 'alice', content: 'I want a refund', decision: 'by-team', routed: 'research' },
  { case: 'the client dialect', client: 'anthropic', key: 'carol', content: 'hello', decision: 'anthropic-clients', routed: 'claude' },
  { case: 'the key', client: 'openai', key: 'bob', content: 'hello', decision: 'by-key', routed: 'bob-model' },
  { case: 'the team', client: 'openai', key: 'alice', content: 'hello', decision: 'by-team', routed: 'research' },
  { case: 'nothing matching: routing.default_model', client: 'openai', key: 'carol', content: 'hello', decision: 'default', routed: 'small' },
  { case: 'a named model (no routing)', client: 'openai', key: 'carol', content: 'prove this theorem', model: 'small', decision: 'none', routed: 'small' },
];

/** The request body a row sends, as its client's SDK would. */
function bodyOf(row: Row): Record<string, unknown> {
  const model = row.model ?? 'auto';
  if (row.client === 'anthropic') return { model, max_tokens: 50, messages: [{ role: 'user', content: row.content }] };
  return { model, messages: [{ role: 'user', content: row.content }] };
}

async function send(row: Row): Promise<Headers> {
  const body = bodyOf(row);
  if (row.client === 'anthropic') {
    const client = new Anthropic({ baseURL: gateway.url, apiKey: KEYS[row.key].key, maxRetries: 0 });
    const { data, response } = await client.messages.create(body as never, { headers: row.headers }).withResponse();
    expect((data as Anthropic.Message).content[0]).toMatchObject({ type: 'text' });
    return response.headers;
  }
  const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: KEYS[row.key].key, maxRetries: 0 });
  const { data, response } = await client.chat.completions.create(body as never, { headers: row.headers }).withResponse();
  expect((data as OpenAI.ChatCompletion).choices[0]!.message.content).toMatch(/^echo: /);
  return response.headers;
}

function explain(row: Row): Promise<Response> {
  const key = KEYS[row.key];
  const query = new URLSearchParams({ dialect: row.client === 'anthropic' ? 'anthropic-messages' : 'openai-chat', key: key.name });
  if ('team' in key) query.set('team', key.team);
  return fetch(`${gateway.url}/admin/api/route/explain?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json', ...row.headers },
    body: JSON.stringify(bodyOf(row)),
  });
}

describe('model "auto" through /v1, by routing.decisions', () => {
  it.each(rows)('routes by $case → $decision, $routed', async (row) => {
    const headers = await send(row);
    expect(headers.get('x-gatehouse-decision')).toBe(row.decision);
    expect(headers.get('x-gatehouse-model')).toBe(row.routed);
    expect(headers.get('x-gatehouse-provider')).toBe(row.routed === 'claude' ? 'emulated-anthropic' : 'emulated-openai');
    expect(headers.get('x-gatehouse-attempts')).toBe('1');
    expect(emulator.requests).toHaveLength(1);
    expect((emulator.requests[0]!.body as { model: string }).model).toBe(upstreamIdOf(row.routed));
  });
});

describe('POST /admin/api/route/explain', () => {
  it.each(rows)('answers $case like /v1 does, without calling upstream', async (row) => {
    const response = await explain(row);
    expect(response.status).toBe(200);
    const explanation = (await response.json()) as { model: string; decision: string | null; decision_header: string; target: { provider: string; model: string } };
    expect(explanation.decision_header).toBe(row.decision);
    expect(explanation.decision).toBe(row.decision === 'default' || row.decision === 'none' ? null : row.decision);
    expect(explanation.model).toBe(row.routed);
    expect(explanation.target.model).toBe(upstreamIdOf(row.routed));
    expect(emulator.requests).toHaveLength(0);
  });
});
