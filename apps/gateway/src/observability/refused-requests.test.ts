import Anthropic from '@anthropic-ai/sdk';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { AdminClient } from '../test/admin-client';
import { emulatorConfig } from '../test/gateway-harness';
import { PrometheusSamples } from './test/prometheus-samples';
import { type ObservedGateway, startObservedGateway } from './test/start-observed-gateway';

// Requests the key guard refuses never reach the proxy, yet each is a request a platform team wants to see: an
// access-log line, a count in the metrics and a span, as for any other; no usage row, as they used nothing.

const ADMIN_KEY = 'admin-secret-refusals-0123';
const VALID_KEY = 'gk-valid-refusals-key-4711';
const WRONG_KEY = 'gk-wrong-refusals-key-9999';

let emulator: Emulator;
let gateway: ObservedGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startObservedGateway(
    emulatorConfig(emulator.url, { auth: { mode: 'keys' }, admin: { api_key: ADMIN_KEY }, keys: [{ name: 'valid', key: VALID_KEY, team: 'platform' }] }),
    { tracing: true },
  );
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

async function statusOf(call: Promise<unknown>): Promise<number | undefined> {
  try {
    await call;
    return 200;
  } catch (error) {
    return (error as { status?: number }).status;
  }
}

it('gives a refused key an access-log line, a count in the metrics and a SERVER span on every proxy endpoint, and no usage row', async () => {
  const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: WRONG_KEY, maxRetries: 0 });
  const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: WRONG_KEY, maxRetries: 0 });
  const messages = [{ role: 'user' as const, content: 'Say hello' }];
  const statuses = [
    await statusOf(openai.chat.completions.create({ model: 'qwen', messages })),
    await statusOf(anthropic.messages.create({ model: 'claude-sonnet', max_tokens: 50, messages })),
    await statusOf(anthropic.messages.countTokens({ model: 'claude-sonnet', messages })),
    await statusOf(openai.responses.create({ model: 'qwen', input: 'Say hello' })),
    // No key at all.
    (await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
  ];
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
  const endpoints = ['openai-chat', 'anthropic-messages', 'anthropic-count-tokens', 'openai-responses', 'openai-chat'];

  await expect.poll(() => gateway.accessLog.length).toBe(5);
  expect(gateway.accessLog.map((line) => ({ endpoint: line['endpoint'], status: line['status'], error: line['error.type'], key: line['key'] }))).toEqual(
    endpoints.map((endpoint) => ({ endpoint, status: 401, error: 'authentication', key: undefined })),
  );
  expect(JSON.stringify(gateway.accessLog)).not.toContain(WRONG_KEY);

  // The Anthropic SDK traces its own calls through this process's global tracer: only the gateway's SERVER spans count.
  const spans = gateway.spans.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER);
  expect(spans).toHaveLength(5);
  for (const span of spans) {
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'authentication' });
    expect(span.attributes).toMatchObject({ 'http.response.status_code': 401, 'error.type': 'authentication', 'gatehouse.attempts': 0 });
    expect(span.attributes).not.toHaveProperty('gatehouse.key.name');
  }
  expect(spans.map((span) => span.attributes['gatehouse.endpoint'])).toEqual(endpoints);
  expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain(WRONG_KEY);

  const metrics = new PrometheusSamples(await (await fetch(`${gateway.url}/metrics`)).text());
  expect(metrics.value('gatehouse_requests_total', { status: '401' })).toBe(5);
  expect(metrics.value('gatehouse_requests_total', { endpoint: 'anthropic-count-tokens', status: '401' })).toBe(1);
  expect(metrics.value('gatehouse_requests_in_flight')).toBe(0);

  // A request with the valid key is recorded; the refused ones before it left no row.
  const valid = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: VALID_KEY, maxRetries: 0 });
  await valid.chat.completions.create({ model: 'qwen', messages });
  const admin = new AdminClient(gateway.url, ADMIN_KEY);
  const rows = async () => ((await admin.get('/requests?limit=50')).body as { data: unknown[] }).data;
  await expect.poll(async () => (await rows()).length).toBeGreaterThan(0);
  expect(await rows()).toEqual([expect.objectContaining({ key_name: 'valid', status: 200 })]);
});
