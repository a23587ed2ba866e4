import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig } from '../../test/gateway-harness';
import { type ObservedGateway, startObservedGateway } from '../test/start-observed-gateway';

// The access log of the real gateway, captured through the destination a test may pass in.

const CLIENT_KEY = 'gk-access-log-client-key-2718';
const SECRETS = [CLIENT_KEY, 'sk-ant-provider-secret', 'sk-openai-provider-secret'];

let emulator: Emulator;
let gateway: ObservedGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startObservedGateway(emulatorConfig(emulator.url), { tracing: true });
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => {
  emulator.reset();
  gateway.accessLog.length = 0;
});

async function nextLine(): Promise<Record<string, unknown>> {
  await expect.poll(() => gateway.accessLog.length).toBe(1);
  return gateway.accessLog[0]!;
}

describe('the access log', () => {
  it('writes one JSON line per request with the route, the GenAI fields, timings and the request id', async () => {
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: CLIENT_KEY, maxRetries: 0 });
    emulator.enqueue({ text: 'logged answer', usage: { input_tokens: 100, output_tokens: 12, cache_read_input_tokens: 40 } });
    const stream = openai.chat.completions.stream(
      {
        model: 'claude-sonnet',
        messages: [{ role: 'user', content: 'a prompt that must not be logged' }],
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: 512,
        temperature: 0,
      },
      { headers: { 'x-request-id': 'req-access-log-1' } },
    );
    await stream.finalChatCompletion();
    const line = await nextLine();

    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      request_id: 'req-access-log-1',
      method: 'POST',
      path: '/v1/chat/completions',
      status: 200,
      endpoint: 'openai-chat',
      route: 'claude-sonnet',
      provider: 'emulated-anthropic',
      upstream: `127.0.0.1:${emulator.port}`,
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet',
      'gen_ai.response.model': 'claude-sonnet-4-5-20250929',
      'gen_ai.response.finish_reasons': ['end_turn'],
      'gen_ai.usage.input_tokens': 140,
      'gen_ai.usage.output_tokens': 12,
      'gen_ai.usage.cache_read.input_tokens': 40,
      'gen_ai.usage.cache_creation.input_tokens': 0,
      'gen_ai.request.temperature': 0,
      'gen_ai.request.max_tokens': 512,
      stream: true,
      attempts: 1,
    });
    expect(typeof line.time).toBe('string');
    expect(line.duration_ms).toBeGreaterThan(0);
    expect(line.ttft_ms).toBeGreaterThan(0);
    expect(line.ttft_ms as number).toBeLessThanOrEqual(line.duration_ms as number);
    // With tracing on, the line names its trace.
    expect(line.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(line)).not.toContain('must not be logged');
  });

  it('logs a failed request with its status and error type, and no upstream usage', async () => {
    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: CLIENT_KEY, maxRetries: 0 });
    await expect(anthropic.messages.create({ model: 'nope', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 404,
    });
    const line = await nextLine();
    expect(line).toMatchObject({ status: 404, endpoint: 'anthropic-messages', 'gen_ai.request.model': 'nope', 'error.type': 'not_found', attempts: 0 });
    expect(line).not.toHaveProperty('gen_ai.usage.input_tokens');
    expect(line).not.toHaveProperty('route');
  });

  it('never holds a key, a header or a query string', async () => {
    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: CLIENT_KEY, maxRetries: 0, defaultQuery: { beta: 'true' } });
    await anthropic.messages.create({ model: 'claude-sonnet', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] });
    const line = await nextLine();
    expect(line.path).toBe('/v1/messages');
    const text = JSON.stringify(line);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('x-api-key');
    expect(text).not.toContain('beta');
  });
});

describe('with telemetry.access_log: false', () => {
  it('writes nothing', async () => {
    const quiet = await startObservedGateway(emulatorConfig(emulator.url, { telemetry: { access_log: false } }));
    try {
      const anthropic = new Anthropic({ baseURL: quiet.url, apiKey: CLIENT_KEY, maxRetries: 0 });
      await anthropic.messages.create({ model: 'claude-sonnet', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] });
      await expect.poll(async () => (await fetch(`${quiet.url}/metrics`)).text()).toContain('status="200"');
      expect(quiet.accessLog).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});
