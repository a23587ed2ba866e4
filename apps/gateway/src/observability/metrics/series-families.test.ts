import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { PrometheusSamples } from '../test/prometheus-samples';
import { HistogramFamily, ValueFamily } from './series-families';

describe('series families, rendered by a prom-client registry', () => {
  it('expose a histogram as cumulative buckets up to +Inf, with its sum and count, per label set', async () => {
    const registry = new Registry();
    const latency = new HistogramFamily({ name: 'op_seconds', help: 'Latency.', labelNames: ['model', 'outcome'], buckets: [1, 0.1, 0.5], registry });
    const ok = latency.of('qwen', 'ok');
    for (const seconds of [0.05, 0.2, 0.3, 0.7, 3]) ok.observe(seconds);
    latency.of('qwen', 'error').observe(0.1);
    ok.observe(Number.NaN);
    expect(latency.of('qwen', 'ok')).toBe(ok);

    const text = await registry.metrics();
    expect(text).toContain('# TYPE op_seconds histogram');
    expect(text).toContain('op_seconds_bucket{le="0.1",model="qwen",outcome="ok"} 1');
    expect(text).toContain('op_seconds_bucket{le="0.5",model="qwen",outcome="ok"} 3');
    expect(text).toContain('op_seconds_bucket{le="1",model="qwen",outcome="ok"} 4');
    expect(text).toContain('op_seconds_bucket{le="+Inf",model="qwen",outcome="ok"} 5');
    expect(text).toContain('op_seconds_sum{model="qwen",outcome="ok"} 4.25');
    expect(text).toContain('op_seconds_count{model="qwen",outcome="ok"} 5');
    expect(text).toContain('op_seconds_bucket{le="0.1",model="qwen",outcome="error"} 1');
    // A real Prometheus text parser reads one histogram family, and each series' count and sum.
    const parsed = new PrometheusSamples(text);
    expect(parsed.family('op_seconds').type).toBe('HISTOGRAM');
    expect(parsed.value('op_seconds_count', { outcome: 'ok' })).toBe(5);
    expect(parsed.value('op_seconds_count')).toBe(6);
  });

  it('expose counters and gauges by their labels, and refuse the wrong number of label values', async () => {
    const registry = new Registry();
    const requests = new ValueFamily({ name: 'requests_total', help: 'Requests.', labelNames: ['endpoint', 'status'], registry }, 'counter');
    const inFlight = new ValueFamily({ name: 'in_flight', help: 'In flight.', labelNames: ['endpoint'], registry }, 'gauge');
    requests.of('chat', '200').inc();
    requests.of('chat', '200').inc(2);
    requests.of('chat', '429').inc();
    inFlight.of('chat').inc();
    inFlight.of('chat').inc();
    inFlight.of('chat').dec();

    const text = await registry.metrics();
    expect(text).toContain('# TYPE requests_total counter');
    expect(text).toContain('requests_total{endpoint="chat",status="200"} 3');
    expect(text).toContain('requests_total{endpoint="chat",status="429"} 1');
    expect(text).toContain('# TYPE in_flight gauge');
    expect(text).toContain('in_flight{endpoint="chat"} 1');
    expect(() => requests.of('chat')).toThrow('requests_total takes 2 label values, not 1');
  });
});
