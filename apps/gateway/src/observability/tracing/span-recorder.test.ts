import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, AlwaysOnSampler, InMemorySpanExporter, ParentBasedSampler, RandomIdGenerator, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import { describe, expect, it } from 'vitest';
import { collectorEndpointForFile } from '../test/collector-endpoint';
import { threadSpansExportersForFile } from '../test/thread-spans-exporters';
import { UNSET_STATUS } from './finished-span';
import { OtlpJsonSpanProcessor } from './otlp-json-span-processor';
import { SpanRecorder } from './span-recorder';

// The gateway's own spans, made by the SpanRecorder, as the SDK's processors and exporters see them: the in-memory
// exporter's copy encoded by the SDK's serializer must be what the gateway's processor sent over HTTP.

const collector = collectorEndpointForFile();
const spansExporter = threadSpansExportersForFile(collector);

async function recorderSetup(root = new AlwaysOnSampler()) {
  const processor = new OtlpJsonSpanProcessor(await spansExporter(), { batchSpans: 100, flushIntervalMs: 60_000, encodeDelayMs: 60_000, onExportError: () => {} });
  const memory = new InMemorySpanExporter();
  const recorder = new SpanRecorder({
    sampler: new ParentBasedSampler({ root }),
    idGenerator: new RandomIdGenerator(),
    processors: [processor, new SimpleSpanProcessor(memory)],
    resource: resourceFromAttributes({ 'service.name': 'gatehouse-test' }),
    scope: { name: 'gatehouse' },
  });
  return { recorder, processor, memory };
}

describe('SpanRecorder', () => {
  it('hands the SDK whole spans: parent and child, times, attributes and status, encoded as the SDK encodes them', async () => {
    const { recorder, processor, memory } = await recorderSetup();
    const remote = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: true, traceState: new TraceState('vendor=1') };
    const wallClockBefore = Date.now();
    const startedAt = performance.now();
    const server = recorder.startTrace(trace.setSpanContext(ROOT_CONTEXT, remote), remote, 'chat', SpanKind.SERVER);
    const client = recorder.childOf(server);
    expect(server).toMatchObject({ traceId: remote.traceId, traceFlags: TraceFlags.SAMPLED, traceState: remote.traceState });
    expect(client).toMatchObject({ traceId: remote.traceId, traceFlags: TraceFlags.SAMPLED, traceState: remote.traceState });
    expect(new Set([server.spanId, client.spanId, remote.spanId]).size).toBe(3);
    const attempt = { 'gen_ai.request.model': 'claude-3', 'gen_ai.response.finish_reasons': ['stop'], 'gen_ai.usage.input_tokens': 12, 'gen_ai.request.temperature': 0.2 };
    recorder.end({ name: 'chat claude-3', kind: SpanKind.CLIENT, context: client, parent: server, startedAt: startedAt + 1, endedAt: startedAt + 3.5, attributes: attempt, status: UNSET_STATUS });
    recorder.end({
      name: 'chat claude-sonnet',
      kind: SpanKind.SERVER,
      context: server,
      parent: remote,
      startedAt,
      endedAt: startedAt + 4.25,
      attributes: { 'error.type': 'upstream_error', 'gatehouse.key.name': 'ünïcødé "key"' },
      status: { code: SpanStatusCode.ERROR, message: 'upstream_error' },
    });

    const [clientSpan, serverSpan] = memory.getFinishedSpans();
    expect(serverSpan!.parentSpanContext).toBe(remote);
    expect(clientSpan!.parentSpanContext!.spanId).toBe(server.spanId);
    expect(serverSpan!.attributes['gatehouse.key.name']).toBe('ünïcødé "key"');
    expect(hrTimeToMilliseconds(serverSpan!.duration)).toBeCloseTo(4.25, 6);
    expect(hrTimeToMilliseconds(serverSpan!.endTime) - hrTimeToMilliseconds(serverSpan!.startTime)).toBeCloseTo(4.25, 3);
    // Wall-clock times: the span started between the wall-clock readings around it, give or take the 2 ms of drift the
    // span clock allows and Date.now()'s whole milliseconds (a stall of the machine in between only widens the window).
    const startedAtWallClock = hrTimeToMilliseconds(serverSpan!.startTime);
    expect(startedAtWallClock).toBeGreaterThanOrEqual(wallClockBefore - 3);
    expect(startedAtWallClock).toBeLessThanOrEqual(Date.now() + 3);

    await processor.forceFlush();
    const sent = JSON.parse(collector.received.at(-1)!.body) as unknown;
    expect(sent).toEqual(JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(memory.getFinishedSpans())!).toString('utf8')));
    await processor.shutdown();
  });

  it('records nothing of a trace the sampler leaves out, and keeps the caller\'s decision', async () => {
    const { recorder, memory } = await recorderSetup(new AlwaysOffSampler());
    const fresh = recorder.startTrace(ROOT_CONTEXT, undefined, 'chat', SpanKind.SERVER);
    expect(fresh.traceFlags).toBe(TraceFlags.NONE);
    expect(fresh.traceId).toMatch(/^[0-9a-f]{32}$/);
    recorder.end({ name: 'chat', kind: SpanKind.SERVER, context: fresh, parent: undefined, startedAt: 0, endedAt: 1, attributes: {}, status: UNSET_STATUS });
    expect(memory.getFinishedSpans()).toEqual([]);

    const sampledCaller = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED, isRemote: true };
    const followed = recorder.startTrace(trace.setSpanContext(ROOT_CONTEXT, sampledCaller), sampledCaller, 'chat', SpanKind.SERVER);
    expect(followed.traceFlags).toBe(TraceFlags.SAMPLED);
    recorder.end({ name: 'chat', kind: SpanKind.SERVER, context: followed, parent: sampledCaller, startedAt: 0, endedAt: 1, attributes: {}, status: UNSET_STATUS });
    expect(memory.getFinishedSpans().map((span) => span.spanContext().traceId)).toEqual([sampledCaller.traceId]);
  });
});
