import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, ParentBasedSampler, SimpleSpanProcessor, AlwaysOnSampler } from '@opentelemetry/sdk-trace-base';
import { beforeEach, describe, expect, it } from 'vitest';
import { collectorEndpointForFile } from '../test/collector-endpoint';
import { threadSpansExportersForFile } from '../test/thread-spans-exporters';
import { OtlpJsonSpanProcessor } from './otlp-json-span-processor';

// The gateway's span processor, through the SDK's OTLP/HTTP transport to a real HTTP endpoint, against the SDK's own
// JSON encoding of the same spans (captured beside it by the in-memory exporter).

const collector = collectorEndpointForFile();
const spansExporter = threadSpansExportersForFile(collector);

beforeEach(() => {
  collector.received.length = 0;
  collector.status = 200;
});

async function tracerSetup(batchSpans: number, errors: Error[] = []) {
  const processor = new OtlpJsonSpanProcessor(await spansExporter(), {
    batchSpans,
    flushIntervalMs: 60_000,
    // Spans are written when a batch fills or on flush: the ones still waiting must not be left out.
    encodeDelayMs: 60_000,
    onExportError: (error) => errors.push(error),
  });
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'gatehouse-test', 'service.instance.id': 'é"\\\n' }),
    sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
    spanProcessors: [processor, new SimpleSpanProcessor(memory)],
  });
  return { processor, memory, provider };
}

/** A provider whose spans go out only on the processor's timers (the batch is never full). */
async function timedTracerProvider(timers: { flushIntervalMs: number; encodeDelayMs: number }) {
  const processor = new OtlpJsonSpanProcessor(await spansExporter(), { batchSpans: 100, ...timers, onExportError: () => {} });
  return new BasicTracerProvider({ spanProcessors: [processor] });
}

const bodies = () => collector.received.map((request) => JSON.parse(request.body) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> });
const spanCount = (body: ReturnType<typeof bodies>[number]) => body.resourceSpans.flatMap((resource) => resource.scopeSpans).flatMap((scope) => scope.spans).length;

describe('OtlpJsonSpanProcessor', () => {
  it('sends the document the SDK would, for every kind of attribute, event, link, status and scope', async () => {
    const { processor, memory, provider } = await tracerSetup(100);
    const gateway = provider.getTracer('gatehouse');
    const other = provider.getTracer('other-library', '2.1.0', { schemaUrl: 'https://opentelemetry.io/schemas/1.30.0' });
    const remoteParent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
      traceState: new TraceState('vendor=value,other=1'),
    });

    const server = gateway.startSpan('chat claude-sonnet', { kind: SpanKind.SERVER, attributes: { 'gen_ai.operation.name': 'chat' } }, remoteParent);
    const attempt = gateway.startSpan('chat claude-3', { kind: SpanKind.CLIENT, links: [{ context: server.spanContext(), attributes: { reason: 'retry' } }] }, trace.setSpan(remoteParent, server));
    attempt.setAttributes({
      'gen_ai.response.finish_reasons': ['stop', 'length'],
      'gen_ai.usage.input_tokens': 1_234_567,
      'gen_ai.request.temperature': 0.7,
      'gen_ai.request.stream': true,
      'server.port': 0,
      'big.number': 2 ** 60,
      'negative': -3,
      'not.a.number': Number.NaN,
      'quoted "text" \\ with\ttabs\nand lines \u0001': 'ünïcødé ✓ 🚀 "quoted" \\ \u001f',
      'mixed.array': [1, 2.5, 3],
      'sparse.array': ['a', null, 'c'],
      'flags': [true, false],
      // Longer than a buffer chunk of the processor, in characters that take two to four bytes.
      'gen_ai.input.messages': 'é✓🚀'.repeat(30_000),
    });
    attempt.addEvent('first chunk', { 'chunk.index': 0 });
    attempt.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream_timeout' });
    attempt.end();
    server.setStatus({ code: SpanStatusCode.OK });
    server.end();
    const library = other.startSpan('query', { kind: SpanKind.INTERNAL });
    library.end();
    const gatewayAgain = gateway.startSpan('embeddings', {}, context.active());
    gatewayAgain.end();
    // A second provider (another resource, with a schema URL) sharing the processor.
    const second = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'second' }, { schemaUrl: 'https://opentelemetry.io/schemas/1.28.0' }),
      spanProcessors: [processor, new SimpleSpanProcessor(memory)],
    });
    second.getTracer('gatehouse').startSpan('from the second resource').end();

    await processor.forceFlush();
    expect(collector.received.map(({ path, contentType }) => ({ path, contentType }))).toEqual([{ path: '/v1/traces', contentType: 'application/json' }]);
    const sdkEncoding = JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(memory.getFinishedSpans())!).toString('utf8')) as unknown;
    expect(bodies()[0]).toEqual(sdkEncoding);
    // Two scopes of the first resource, the gateway's spans together although another scope's ended between them.
    expect(bodies()[0]!.resourceSpans.map((resource) => resource.scopeSpans.map((scope) => scope.spans.length))).toEqual([[3, 1], [1]]);
    await provider.shutdown();
  });

  it('sends a batch when it is full and the rest on flush, leaving out spans that were not sampled', async () => {
    const { processor, provider } = await tracerSetup(3);
    const tracer = provider.getTracer('gatehouse');
    const unsampledParent = trace.setSpanContext(ROOT_CONTEXT, { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.NONE, isRemote: true });
    for (let i = 0; i < 7; i++) tracer.startSpan(`span ${i}`).end();
    tracer.startSpan('not sampled', {}, unsampledParent).end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bodies().map(spanCount)).toEqual([3, 3]);
    await processor.forceFlush();
    expect(bodies().map(spanCount)).toEqual([3, 3, 1]);
    expect(collector.received.map((request) => request.body).join()).not.toContain('not sampled');
    await processor.forceFlush();
    expect(collector.received).toHaveLength(3);
    await provider.shutdown();
  });

  it('sends the batches of one scope as the SDK encodes them, each in its own buffer until its export is over', async () => {
    const { processor, memory, provider } = await tracerSetup(3);
    const tracer = provider.getTracer('gatehouse');
    // Each batch is handed to the transport before the next is written; none has reached the socket yet.
    const batchesOf = async (names: string[]) => {
      memory.reset();
      for (const [index, name] of names.entries()) {
        tracer.startSpan(name, { attributes: { 'gen_ai.request.model': name, 'gen_ai.usage.input_tokens': index } }).end();
        if (index % 3 === 2) for (let tick = 0; tick < 5; tick++) await new Promise((resolve) => process.nextTick(resolve));
      }
      const spans = memory.getFinishedSpans();
      return [0, 3, 6].map((from) => JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(spans.slice(from, from + 3))!).toString('utf8')) as unknown);
    };
    // Exports go out side by side, so the collector may get them in any order.
    const inAnyOrder = (documents: unknown[]) => documents.map((document) => JSON.stringify(document)).sort();
    const first = await batchesOf(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    await processor.forceFlush();
    expect(inAnyOrder(bodies())).toEqual(inAnyOrder(first));
    // The next ones are written into the buffers the first ones gave back.
    const second = await batchesOf(['jj', 'kk', 'll', 'mm', 'nn', 'oo', 'pp', 'qq', 'rr']);
    await processor.forceFlush();
    expect(inAnyOrder(bodies().slice(3))).toEqual(inAnyOrder(second));
    await provider.shutdown();
  });

  it('writes string values that repeat from span to span as the SDK does, past the values kept per key too', async () => {
    const { processor, memory, provider } = await tracerSetup(1_000);
    const tracer = provider.getTracer('gatehouse');
    for (let i = 0; i < 120; i++) {
      tracer
        .startSpan(`span ${i}`, {
          attributes: {
            // Repeats: kept after the first span, then copied whole.
            'gen_ai.provider.name': 'anthropic',
            'gatehouse.decision': i % 2 === 0 ? 'rule "images" → vision' : 'default',
            // A new value each time: the values kept for this key fill up, and the later ones are written as they come.
            'gatehouse.request_id': `req-${i}-é✓🚀`,
            // Too long to be kept.
            'gen_ai.input.messages': `${'x'.repeat(200)}${i}`,
          },
        })
        .end();
    }
    await processor.forceFlush();
    const sdkEncoding = JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(memory.getFinishedSpans())!).toString('utf8')) as unknown;
    expect(bodies()).toEqual([sdkEncoding]);
    await provider.shutdown();
  });

  it('sends what is pending after the flush interval', async () => {
    const provider = await timedTracerProvider({ flushIntervalMs: 50, encodeDelayMs: 10 });
    provider.getTracer('gatehouse').startSpan('alone').end();
    await expect.poll(() => bodies().map(spanCount), { timeout: 2_000 }).toEqual([1]);
    await provider.shutdown();
  });

  it('writes ended spans together once the encode delay is over, not as each ends', async () => {
    const provider = await timedTracerProvider({ flushIntervalMs: 20, encodeDelayMs: 1_000 });
    const tracer = provider.getTracer('gatehouse');
    tracer.startSpan('first').end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    tracer.startSpan('second').end();
    // Several flush intervals went by: nothing was written yet, so nothing was sent.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(collector.received).toHaveLength(0);
    // Both are written at the first one's deadline, and go out in the same export.
    await expect.poll(() => bodies().map(spanCount), { timeout: 3_000 }).toEqual([2]);
    await provider.shutdown();
  });

  it('reports an export the collector refused', async () => {
    const errors: Error[] = [];
    const { processor, provider } = await tracerSetup(100, errors);
    collector.status = 400;
    provider.getTracer('gatehouse').startSpan('refused').end();
    await processor.forceFlush();
    expect(collector.received).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('OTLP span export failed: Bad Request (HTTP 400)');
    await provider.shutdown();
  });
});
