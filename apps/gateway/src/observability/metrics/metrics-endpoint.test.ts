import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig } from '../../test/gateway-harness';
import { PrometheusSamples } from '../test/prometheus-samples';
import { type ObservedGateway, startObservedGateway } from '../test/start-observed-gateway';

// Known traffic through the real gateway with the official SDKs, then GET /metrics parsed by a Prometheus text parser.

const CLIENT_KEY = 'gk-metrics-client-key-9931';
const SECRETS = [CLIENT_KEY, 'sk-ant-provider-secret', 'sk-openai-provider-secret'];

let emulator: Emulator;
let gateway: ObservedGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startObservedGateway(emulatorConfig(emulator.url));
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ status: number; contentType: string; text: string }> {
  const response = await fetch(`${url}/metrics`, { headers });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe('GET /metrics after known traffic', () => {
  let samples: PrometheusSamples;
  let text: string;

  beforeAll(async () => {
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: CLIENT_KEY, maxRetries: 0 });
    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: CLIENT_KEY, maxRetries: 0 });
    const cached = { input_tokens: 100, output_tokens: 20, cache_read_input_tokens: 30, cache_creation_input_tokens: 10 };

    // Two translated streams: OpenAI chat → claude-sonnet (Anthropic upstream).
    for (let i = 0; i < 2; i++) {
      emulator.enqueue({ text: 'a streamed answer in a few chunks', usage: cached });
      await openai.chat.completions
        .stream({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } })
        .finalChatCompletion();
    }
    // A pass-through Anthropic message, not streamed.
    emulator.enqueue({ text: 'plain', usage: { input_tokens: 50, output_tokens: 5 } });
    await anthropic.messages.create({ model: 'claude-sonnet', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });
    // A pass-through OpenAI stream to qwen.
    emulator.enqueue({ text: 'qwen says hi', usage: { input_tokens: 40, output_tokens: 8 } });
    await openai.chat.completions
      .stream({ model: 'qwen', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } })
      .finalChatCompletion();
    // An unknown model, and an upstream refusal.
    await expect(openai.chat.completions.create({ model: 'gpt-nope', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 404 });
    emulator.enqueue({ error: { status: 400, message: 'bad request upstream' } });
    await expect(anthropic.messages.create({ model: 'claude-sonnet', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 400,
    });

    // Outcomes are recorded when each response has closed, which can trail the client's last read a little.
    await vi.waitFor(async () => {
      expect(new PrometheusSamples((await scrape(gateway.url)).text).value('gatehouse_requests_total')).toBe(6);
    });
    const scraped = await scrape(gateway.url);
    expect(scraped.status).toBe(200);
    expect(scraped.contentType).toContain('text/plain');
    text = scraped.text;
    samples = new PrometheusSamples(text);
  });

  it('counts requests by endpoint, configured model, provider and status', () => {
    const claude = { model: 'claude-sonnet', provider: 'emulated-anthropic' };
    expect(samples.value('gatehouse_requests_total', { ...claude, endpoint: 'openai-chat', status: '200' })).toBe(2);
    expect(samples.value('gatehouse_requests_total', { ...claude, endpoint: 'anthropic-messages', status: '200' })).toBe(1);
    expect(samples.value('gatehouse_requests_total', { ...claude, endpoint: 'anthropic-messages', status: '400' })).toBe(1);
    expect(samples.value('gatehouse_requests_total', { model: 'qwen', provider: 'emulated-openai', endpoint: 'openai-chat', status: '200' })).toBe(1);
    expect(samples.value('gatehouse_requests_total', { model: 'other', provider: 'none', status: '404' })).toBe(1);
    expect(text).not.toContain('gpt-nope');
  });

  it('records token usage the same way for every dialect: input includes the cache, which is also counted on its own', () => {
    const claude = { gen_ai_operation_name: 'chat', gen_ai_provider_name: 'anthropic', gen_ai_request_model: 'claude-sonnet' };
    // 2 × (100 + 30 + 10) + 50
    expect(samples.histogram('gen_ai_client_token_usage', { ...claude, gen_ai_token_type: 'input' })).toEqual({ count: 3, sum: 330 });
    expect(samples.histogram('gen_ai_client_token_usage', { ...claude, gen_ai_token_type: 'output' })).toEqual({ count: 3, sum: 45 });
    const qwen = { gen_ai_provider_name: 'openai', gen_ai_request_model: 'qwen', gatehouse_provider: 'emulated-openai' };
    expect(samples.histogram('gen_ai_client_token_usage', { ...qwen, gen_ai_token_type: 'input' })).toEqual({ count: 1, sum: 40 });
    expect(samples.value('gatehouse_tokens_total', { model: 'claude-sonnet', gen_ai_token_type: 'input' })).toBe(330);
    expect(samples.value('gatehouse_cached_tokens_total', { model: 'claude-sonnet', cache: 'read' })).toBe(60);
    expect(samples.value('gatehouse_cached_tokens_total', { model: 'claude-sonnet', cache: 'creation' })).toBe(20);
  });

  it('times operations, and time to first token and per output token for streams only', () => {
    const claude = { gen_ai_request_model: 'claude-sonnet' };
    // Successes carry an empty error_type, which Prometheus stores as no label at all.
    expect(samples.histogram('gen_ai_client_operation_duration_seconds', { ...claude, error_type: '' }).count).toBe(3);
    expect(samples.histogram('gen_ai_client_operation_duration_seconds', { ...claude, error_type: 'invalid_request' }).count).toBe(1);
    expect(samples.histogram('gen_ai_server_time_to_first_token_seconds', claude).count).toBe(2);
    expect(samples.histogram('gen_ai_server_time_to_first_token_seconds', { gen_ai_request_model: 'qwen' }).count).toBe(1);
    expect(samples.histogram('gen_ai_server_time_per_output_token_seconds', claude).count).toBe(2);
    const ttft = samples.histogram('gen_ai_server_time_to_first_token_seconds', claude);
    const duration = samples.histogram('gen_ai_client_operation_duration_seconds', claude);
    expect(ttft.sum).toBeGreaterThan(0);
    expect(ttft.sum).toBeLessThan(duration.sum);
  });

  it('shows no request in flight once all are done', () => {
    expect(samples.value('gatehouse_requests_in_flight')).toBe(0);
  });

  it('never shows a client or provider key', () => {
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});

describe('GET /metrics with telemetry.metrics_token', () => {
  let guarded: ObservedGateway;

  beforeAll(async () => {
    guarded = await startObservedGateway(emulatorConfig(emulator.url, { telemetry: { metrics_token: 'scrape-token-5150' } }));
  });

  afterAll(async () => {
    await guarded?.close();
  });

  it('needs the token as a Bearer token', async () => {
    expect((await scrape(guarded.url)).status).toBe(401);
    expect((await scrape(guarded.url, { authorization: 'Bearer scrape-token-515' })).status).toBe(401);
    expect((await scrape(guarded.url, { authorization: 'scrape-token-5150' })).status).toBe(401);
    const allowed = await scrape(guarded.url, { authorization: 'Bearer scrape-token-5150' });
    expect(allowed.status).toBe(200);
    expect(new PrometheusSamples(allowed.text).seriesNames()).toContain('gatehouse_requests_total');
  });

  it('is open without the token set', async () => {
    expect((await scrape(gateway.url)).status).toBe(200);
  });
});

describe('with telemetry.metrics: false', () => {
  let unmetered: ObservedGateway;

  beforeAll(async () => {
    unmetered = await startObservedGateway(emulatorConfig(emulator.url, { telemetry: { metrics: false } }));
  });

  afterAll(async () => {
    await unmetered?.close();
  });

  it('serves requests and answers GET /metrics with 404 and why', async () => {
    const openai = new OpenAI({ baseURL: `${unmetered.url}/v1`, apiKey: CLIENT_KEY, maxRetries: 0 });
    emulator.enqueue({ text: 'unmetered answer' });
    const completion = await openai.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]?.message.content).toBe('unmetered answer');
    const scraped = await scrape(unmetered.url);
    expect(scraped.status).toBe(404);
    expect(scraped.text).toContain('telemetry.metrics: false');
  });
});
