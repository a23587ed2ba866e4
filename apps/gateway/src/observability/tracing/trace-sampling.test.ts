import { SpanKind } from '@opentelemetry/api';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig } from '../../test/gateway-harness';
import { type ObservedGateway, startObservedGateway } from '../test/start-observed-gateway';

// telemetry.sample_ratio with the real gateway and the SDK's in-memory exporter. Ratio 0 records no new trace, so
// any span seen here comes from a caller's sampled trace context.

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN_ID = 'b7ad6b7169203331';

let emulator: Emulator;
let gateway: ObservedGateway;
let openai: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startObservedGateway(emulatorConfig(emulator.url, { telemetry: { sample_ratio: 0 } }), { tracing: true });
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gk-any', maxRetries: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => {
  emulator.reset();
  gateway.spans.reset();
});

async function chat(headers: Record<string, string> = {}) {
  emulator.enqueue({ text: 'sampled?' });
  return openai.chat.completions.create({ model: 'claude-sonnet', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] }, { headers });
}

describe('telemetry.sample_ratio: 0', () => {
  it('records no span for a new trace, but still sends the trace upstream, marked as not sampled', async () => {
    const answer = await chat();
    expect(answer.choices[0]!.message.content).toBe('sampled?');
    // The access log line is written when the request has ended, after the point where its spans would have ended.
    await expect.poll(() => gateway.accessLog.length).toBeGreaterThan(0);
    expect(gateway.spans.getFinishedSpans()).toEqual([]);
    const traceparent = String(emulator.requests[0]!.headers.traceparent);
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(traceparent.split('-')[1]).toBe(gateway.accessLog.at(-1)!['trace_id']);
  });

  it("passes a caller's unsampled trace upstream as it came: same trace, not sampled, tracestate kept", async () => {
    await chat({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-00`, tracestate: 'vendor=abc' });
    await expect.poll(() => gateway.accessLog.at(-1)?.['trace_id']).toBe(TRACE_ID);
    expect(gateway.spans.getFinishedSpans()).toEqual([]);
    const upstream = emulator.requests[0]!.headers;
    expect(upstream.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`));
    expect(upstream.traceparent).not.toContain(CALLER_SPAN_ID);
    expect(upstream.tracestate).toBe('vendor=abc');
  });

  it("follows a caller's sampled trace: both spans are recorded in the caller's trace", async () => {
    await chat({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` });
    await expect.poll(() => gateway.spans.getFinishedSpans().some((span) => span.kind === SpanKind.SERVER)).toBe(true);
    const spans = gateway.spans.getFinishedSpans();
    const server = spans.find((span) => span.kind === SpanKind.SERVER)!;
    const client = spans.find((span) => span.kind === SpanKind.CLIENT)!;
    expect(server.spanContext().traceId).toBe(TRACE_ID);
    expect(server.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
    expect(client.attributes['gen_ai.request.model']).toBe('claude-sonnet-4-5-20250929');
    expect(emulator.requests[0]!.headers.traceparent).toBe(`00-${TRACE_ID}-${client.spanContext().spanId}-01`);
  });
});
