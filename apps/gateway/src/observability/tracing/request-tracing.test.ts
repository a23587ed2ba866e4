import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig } from '../../test/gateway-harness';
import { type ObservedGateway, startObservedGateway } from '../test/start-observed-gateway';

// Spans of the real gateway, captured by the SDK's in-memory exporter, for the OpenAI SDK streaming through model
// `claude-sonnet`, whose target speaks Anthropic Messages (a translated stream).

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN_ID = '00f067aa0ba902b7';
const CLIENT_KEY = 'gk-client-secret-key-4711';
const PROVIDER_KEYS = ['sk-ant-provider-secret', 'sk-openai-provider-secret'];

let emulator: Emulator;
let gateway: ObservedGateway;
let openai: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startObservedGateway(emulatorConfig(emulator.url), { tracing: true });
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: CLIENT_KEY, maxRetries: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => {
  emulator.reset();
  gateway.spans.reset();
});

/** The spans of the last request: its SERVER span and its CLIENT children, once the SERVER span has ended. */
async function spansOfRequest(): Promise<{ server: ReadableSpan; clients: ReadableSpan[] }> {
  await expect.poll(() => gateway.spans.getFinishedSpans().some((span) => span.kind === SpanKind.SERVER)).toBe(true);
  const spans = gateway.spans.getFinishedSpans();
  const server = spans.find((span) => span.kind === SpanKind.SERVER)!;
  const clients = spans.filter((span) => span.kind === SpanKind.CLIENT);
  return { server, clients };
}

async function streamChat(extra: Partial<OpenAI.ChatCompletionCreateParamsStreaming> = {}, headers: Record<string, string> = {}) {
  const stream = openai.chat.completions.stream(
    {
      model: 'claude-sonnet',
      messages: [{ role: 'user', content: 'Say hello' }],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 300,
      temperature: 0.2,
      top_p: 0.9,
      ...extra,
    },
    { headers },
  );
  return stream.finalChatCompletion();
}

describe('a translated stream', () => {
  it('has a SERVER span named after the requested model, with the GenAI attributes, the usage and the gateway attributes', async () => {
    emulator.enqueue({ text: 'Hello there, friend', usage: { input_tokens: 100, output_tokens: 20, cache_read_input_tokens: 30, cache_creation_input_tokens: 10 } });
    await streamChat();
    const { server } = await spansOfRequest();

    expect(server.name).toBe('chat claude-sonnet');
    expect(server.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet',
      'gen_ai.response.model': 'claude-sonnet-4-5-20250929',
      'gen_ai.response.finish_reasons': ['end_turn'],
      'gen_ai.request.max_tokens': 300,
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.top_p': 0.9,
      'gen_ai.request.stream': true,
      // Input counts the cache reads and writes, which are also given on their own.
      'gen_ai.usage.input_tokens': 140,
      'gen_ai.usage.output_tokens': 20,
      'gen_ai.usage.cache_read.input_tokens': 30,
      'gen_ai.usage.cache_creation.input_tokens': 10,
      'http.request.method': 'POST',
      'http.route': '/v1/chat/completions',
      'http.response.status_code': 200,
      'gatehouse.provider': 'emulated-anthropic',
      'gatehouse.model': 'claude-sonnet',
      'gatehouse.attempts': 1,
    });
    expect(server.attributes['gen_ai.response.id']).toMatch(/^msg_/);
    expect(server.attributes['gen_ai.response.time_to_first_chunk']).toBeGreaterThan(0);
    expect(server.attributes['error.type']).toBeUndefined();
    expect(server.status.code).not.toBe(SpanStatusCode.ERROR);
    // Content is not recorded unless telemetry.capture_content is on.
    expect(server.attributes['gen_ai.input.messages']).toBeUndefined();
  });

  it('has one CLIENT span per upstream attempt, a child of the SERVER span, naming the upstream model and address', async () => {
    emulator.enqueue({ text: 'Hi', usage: { input_tokens: 12, output_tokens: 3 } });
    await streamChat();
    const { server, clients } = await spansOfRequest();

    expect(clients).toHaveLength(1);
    const [client] = clients;
    expect(client!.name).toBe('chat claude-sonnet-4-5-20250929');
    expect(client!.spanContext().traceId).toBe(server.spanContext().traceId);
    expect(client!.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(client!.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet-4-5-20250929',
      'gen_ai.response.model': 'claude-sonnet-4-5-20250929',
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 3,
      'gen_ai.request.max_tokens': 300,
      'gen_ai.request.stream': true,
      'server.address': '127.0.0.1',
      'server.port': emulator.port,
      'gatehouse.provider': 'emulated-anthropic',
      'gatehouse.attempt': 1,
    });
    expect(client!.attributes['gen_ai.response.time_to_first_chunk']).toBeGreaterThan(0);
    // The CLIENT span lies within the SERVER span.
    expect(toNanos(client!.startTime)).toBeGreaterThanOrEqual(toNanos(server.startTime));
  });

  it("continues the client's W3C trace and sends the CLIENT span's traceparent upstream, with the client's tracestate", async () => {
    emulator.enqueue({ text: 'traced' });
    await streamChat({}, { traceparent: `00-${TRACE_ID}-${CLIENT_SPAN_ID}-01`, tracestate: 'vendor=abc,other=1' });
    const { server, clients } = await spansOfRequest();

    expect(server.spanContext().traceId).toBe(TRACE_ID);
    expect(server.parentSpanContext?.spanId).toBe(CLIENT_SPAN_ID);
    const upstream = emulator.requests[0]!;
    expect(upstream.headers.traceparent).toBe(`00-${TRACE_ID}-${clients[0]!.spanContext().spanId}-01`);
    expect(upstream.headers.tracestate).toBe('vendor=abc,other=1');
  });

  it('starts a new trace when the client sends none, and still passes the trace upstream', async () => {
    emulator.enqueue({ text: 'fresh' });
    await streamChat();
    const { clients } = await spansOfRequest();
    const { traceId, spanId } = clients[0]!.spanContext();
    expect(emulator.requests[0]!.headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('sets error.type and an error status on both spans when the upstream fails', async () => {
    emulator.enqueue({ error: { status: 400, message: 'max_tokens: too large' } });
    await expect(streamChat()).rejects.toMatchObject({ status: 400 });
    const { server, clients } = await spansOfRequest();

    expect(server.attributes['error.type']).toBe('invalid_request');
    expect(server.attributes['http.response.status_code']).toBe(400);
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    expect(clients).toHaveLength(1);
    expect(clients[0]!.attributes['error.type']).toBe('invalid_request');
    expect(clients[0]!.status.code).toBe(SpanStatusCode.ERROR);
    // The upstream's message is not copied onto the span.
    expect(JSON.stringify(server.status) + JSON.stringify(clients[0]!.status)).not.toContain('too large');
  });

  it('has a SERVER span and no CLIENT span for a request refused before any upstream call', async () => {
    await expect(openai.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 404,
    });
    const { server, clients } = await spansOfRequest();
    expect(server.name).toBe('chat no-such-model');
    expect(server.attributes['error.type']).toBe('not_found');
    expect(clients).toHaveLength(0);
    expect(emulator.requests).toHaveLength(0);
  });

  it('never puts a client or provider key on a span', async () => {
    emulator.enqueue({ text: 'secret-free' });
    await streamChat();
    await spansOfRequest();
    const recorded = JSON.stringify(gateway.spans.getFinishedSpans().map((span) => ({ name: span.name, attributes: span.attributes, status: span.status })));
    for (const secret of [CLIENT_KEY, ...PROVIDER_KEYS]) expect(recorded).not.toContain(secret);
  });
});

describe('with telemetry.capture_content', () => {
  let capturing: ObservedGateway;

  beforeAll(async () => {
    await gateway.close();
    capturing = await startObservedGateway(emulatorConfig(emulator.url, { telemetry: { capture_content: true } }), { tracing: true });
  });

  afterAll(async () => {
    await capturing?.close();
    gateway = await startObservedGateway(emulatorConfig(emulator.url), { tracing: true });
  });

  it('records the prompt in the conventions shape: system instructions apart, then the messages', async () => {
    const client = new OpenAI({ baseURL: `${capturing.url}/v1`, apiKey: CLIENT_KEY, maxRetries: 0 });
    await client.chat.completions.create({
      model: 'claude-sonnet',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is a gateway?' },
      ],
    });
    await expect.poll(() => capturing.spans.getFinishedSpans().some((span) => span.kind === SpanKind.SERVER)).toBe(true);
    const server = capturing.spans.getFinishedSpans().find((span) => span.kind === SpanKind.SERVER)!;
    expect(JSON.parse(server.attributes['gen_ai.input.messages'] as string)).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'What is a gateway?' }] },
    ]);
    expect(JSON.parse(server.attributes['gen_ai.system_instructions'] as string)).toEqual([{ type: 'text', content: 'Be brief.' }]);
  });
});

function toNanos([seconds, nanos]: [number, number]): number {
  return seconds * 1e9 + nanos;
}
