import { emptyResource } from '@opentelemetry/resources';
import { AggregationTemporality, DataPointType, type HistogramMetricData, type SumMetricData } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { emptyUsage } from '@gatehouse/translate';
import { validateConfig } from '../../config';
import { ConfigLabels } from '../config-labels';
import { RequestObservers } from '../request-observers';
import { GatewayMetrics } from './gateway-metrics';
import { TOKEN_USAGE_BUCKETS } from './genai-metric-buckets';
import { RegistryMetricProducer } from './registry-metric-producer';

const config = validateConfig({
  providers: [{ name: 'claude', type: 'anthropic' }],
  models: [{ name: 'sonnet', targets: [{ provider: 'claude', model: 'claude-sonnet-4-5' }] }],
});

async function collected() {
  const observers = new RequestObservers();
  const metrics = new GatewayMetrics(config, new ConfigLabels(config), observers);
  const usage = { ...emptyUsage(), inputTokens: 140, outputTokens: 3 };
  for (const latencyMs of [30, 700]) {
    observers.completed({
      requestId: 'r',
      startedAt: new Date(),
      endpoint: 'anthropic-messages',
      clientDialect: 'anthropic-messages',
      status: 200,
      stream: false,
      aborted: false,
      usage,
      latencyMs,
      attempts: 1,
      routedModel: 'sonnet',
      provider: 'claude',
    });
  }
  const producer = new RegistryMetricProducer({
    cumulative: AggregationTemporality.CUMULATIVE,
    histogram: DataPointType.HISTOGRAM,
    sum: DataPointType.SUM,
    gauge: DataPointType.GAUGE,
    resource: emptyResource(),
  });
  producer.attach(metrics.registry);
  const result = await producer.collect();
  const all = result.resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
  return { all, byName: (name: string) => all.find((metric) => metric.descriptor.name === name) };
}

describe('RegistryMetricProducer', () => {
  it('exports the GenAI histograms under the conventions names, with dotted attributes and per-bucket counts', async () => {
    const { byName } = await collected();
    const tokens = byName('gen_ai.client.token.usage') as HistogramMetricData;
    expect(tokens.dataPointType).toBe(DataPointType.HISTOGRAM);
    expect(tokens.descriptor.unit).toBe('{token}');
    const input = tokens.dataPoints.find((point) => point.attributes['gen_ai.token.type'] === 'input')!;
    expect(input.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'sonnet',
      'gatehouse.provider': 'claude',
      'gen_ai.token.type': 'input',
    });
    expect(input.value.count).toBe(2);
    expect(input.value.sum).toBe(280);
    expect(input.value.buckets.boundaries).toEqual(TOKEN_USAGE_BUCKETS);
    // 140 lies in (64, 256]: the fifth bucket; OTel has one bucket more than boundaries, for above the last.
    const expected = new Array(TOKEN_USAGE_BUCKETS.length + 1).fill(0);
    expected[4] = 2;
    expect(input.value.buckets.counts).toEqual(expected);

    const duration = byName('gen_ai.client.operation.duration') as HistogramMetricData;
    expect(duration.descriptor.unit).toBe('s');
    const [point] = duration.dataPoints;
    // A success has no error.type at all (Prometheus shows it as an empty label).
    expect(point!.attributes).not.toHaveProperty('error.type');
    expect(point!.value.buckets.counts.reduce((sum, count) => sum + count, 0)).toBe(2);
  });

  it('exports the gatehouse counters as monotonic sums, without the process metrics', async () => {
    const { byName, all } = await collected();
    const requests = byName('gatehouse.requests') as SumMetricData;
    expect(requests.dataPointType).toBe(DataPointType.SUM);
    expect(requests.isMonotonic).toBe(true);
    expect(requests.aggregationTemporality).toBe(AggregationTemporality.CUMULATIVE);
    expect(requests.dataPoints).toEqual([expect.objectContaining({ value: 2, attributes: expect.objectContaining({ model: 'sonnet', status: '200' }) })]);
    expect(all.some((metric) => metric.descriptor.name.startsWith('process_') || metric.descriptor.name.startsWith('nodejs_'))).toBe(false);
  });
});
