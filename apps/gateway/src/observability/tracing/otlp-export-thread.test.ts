import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { collectorEndpointForFile } from '../test/collector-endpoint';
import { OtlpExportThread } from './otlp-export-thread';
import { type ExportResult } from '@opentelemetry/core';

// The thread that sends the gateway's OTLP exports, against a real HTTP endpoint: what arrives, what the caller is
// told, and that it holds the process only while it owes an answer.

const collector = collectorEndpointForFile();
const threads: OtlpExportThread[] = [];

afterEach(async () => {
  await Promise.all(threads.splice(0).map((thread) => thread.shutdown()));
  collector.received.length = 0;
  collector.status = 200;
  delete process.env['OTEL_EXPORTER_OTLP_HEADERS'];
});

function exportThread(): OtlpExportThread {
  const thread = new OtlpExportThread(collector.url);
  threads.push(thread);
  return thread;
}

function exported(thread: OtlpExportThread, signal: 'traces' | 'metrics', body: Uint8Array): Promise<ExportResult> {
  return new Promise((resolve) => thread.export(signal, body, resolve));
}

/** The nice value of each thread of this process, by thread id (Linux). */
function threadPriorities(): Map<string, number> {
  const priorities = new Map<string, number>();
  for (const thread of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses: the nice value is the 19th field of the line.
    priorities.set(thread, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return priorities;
}

const portsHeld = () => process.getActiveResourcesInfo().filter((resource) => resource === 'MessagePort').length;

describe('OtlpExportThread', () => {
  it('sends each signal to its OTLP path as written: a body on shared memory read in place, any other copied at once', async () => {
    const thread = exportThread();
    const shared = Buffer.from(new SharedArrayBuffer(64));
    const spans = shared.subarray(8, 8 + shared.write('{"resourceSpans":["shared"]}', 8));
    expect(await exported(thread, 'traces', spans)).toEqual({ code: 0 });
    // A body of the main thread's own memory may be written again as soon as export() returns.
    const own = Buffer.alloc(64);
    const metrics = own.subarray(0, own.write('{"resourceMetrics":["é"]}'));
    const sent = exported(thread, 'metrics', metrics);
    own.fill(0x20);

    expect(await sent).toEqual({ code: 0 });
    expect(collector.received.map(({ path, contentType, body }) => ({ path, contentType, body }))).toEqual([
      { path: '/v1/traces', contentType: 'application/json', body: '{"resourceSpans":["shared"]}' },
      { path: '/v1/metrics', contentType: 'application/json', body: '{"resourceMetrics":["é"]}' },
    ]);
  });

  it('keeps the SDK transport’s settings: OTEL_EXPORTER_OTLP_HEADERS go with every export', async () => {
    process.env['OTEL_EXPORTER_OTLP_HEADERS'] = 'x-collector-tenant=gatehouse';
    const thread = exportThread();
    await exported(thread, 'traces', Buffer.from('{}'));
    expect(collector.received[0]!.headers['x-collector-tenant']).toBe('gatehouse');
  });

  it('reports a refused export with the collector’s status, and a flush waits for every export sent before it', async () => {
    const thread = exportThread();
    collector.status = 400;
    const results: ExportResult[] = [];
    for (let i = 0; i < 3; i++) thread.export('traces', Buffer.from(`{"n":${i}}`), (result) => results.push(result));
    await thread.forceFlush();
    expect(results).toHaveLength(3);
    expect(results.map((result) => result.code)).toEqual([1, 1, 1]);
    expect(results[0]!.error?.message).toBe('Bad Request (HTTP 400)');
  });

  it('holds the process only while an answer is owed, and fails exports at once after it has stopped', async () => {
    const thread = exportThread();
    const idle = portsHeld();
    const sent = exported(thread, 'traces', Buffer.from('{}'));
    expect(portsHeld()).toBe(idle + 1);
    await sent;
    expect(portsHeld()).toBe(idle);

    await thread.shutdown();
    const late = await exported(thread, 'traces', Buffer.from('{}'));
    expect(late.code).toBe(1);
    expect(late.error?.message).toMatch(/export thread has stopped/);
    expect(collector.received).toHaveLength(1);
  });

  // Thread priorities are per thread only on Linux (elsewhere the worker leaves its priority alone).
  it.runIf(process.platform === 'linux')('sends at the lowest priority (nice 19), leaving every other thread’s priority as it was', async () => {
    const before = threadPriorities();
    const thread = exportThread();
    await thread.forceFlush();

    const added = [...threadPriorities()].filter(([id]) => !before.has(id));
    expect(added.filter(([, nice]) => nice === 19)).toHaveLength(1);
    const ownThread = readlinkSync('/proc/thread-self').split('/').at(-1)!;
    for (const [id, nice] of threadPriorities()) if (before.has(id)) expect({ id, nice }).toEqual({ id, nice: before.get(id) });
    expect(threadPriorities().get(ownThread)).toBe(before.get(ownThread));
  });
});
