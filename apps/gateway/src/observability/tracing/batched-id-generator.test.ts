import { isValidSpanId, isValidTraceId } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { BatchedIdGenerator } from './batched-id-generator';

describe('BatchedIdGenerator', () => {
  it('makes valid, distinct trace and span ids, across many batches of random bytes', () => {
    const ids = new BatchedIdGenerator();
    const traceIds = new Set<string>();
    const spanIds = new Set<string>();
    // 3,000 requests' worth: about 23 batches of 4 KiB.
    for (let i = 0; i < 3_000; i++) {
      traceIds.add(ids.generateTraceId());
      spanIds.add(ids.generateSpanId());
      spanIds.add(ids.generateSpanId());
    }
    expect(traceIds.size).toBe(3_000);
    expect(spanIds.size).toBe(6_000);
    for (const id of traceIds) expect(isValidTraceId(id) && /^[0-9a-f]{32}$/.test(id)).toBe(true);
    for (const id of spanIds) expect(isValidSpanId(id) && /^[0-9a-f]{16}$/.test(id)).toBe(true);
  });

  it('never hands out an id of all zeros, which W3C trace context calls invalid', () => {
    let batches = 0;
    // The first batch is zeros but for one byte, in the third trace id's place; the next batch is all 0xab.
    const ids = new BatchedIdGenerator((bytes) => {
      bytes.fill(batches++ === 0 ? 0 : 0xab);
      if (batches === 1) bytes[40] = 7;
    });
    expect(ids.generateTraceId()).toBe(`${'00'.repeat(8)}07${'00'.repeat(7)}`);
    // The rest of the first batch is zeros: skipped to the next batch.
    expect(ids.generateSpanId()).toBe('ab'.repeat(8));
    expect(batches).toBe(2);
  });
});
