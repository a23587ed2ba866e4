import { type Attributes, type HrTime, ValueType } from '@opentelemetry/api';
import { type Resource } from '@opentelemetry/resources';
import {
  type AggregationTemporality,
  type CollectionResult,
  type DataPointType,
  type MetricData,
  type MetricProducer,
} from '@opentelemetry/sdk-metrics';
import { type Registry } from 'prom-client';

/** The sdk-metrics enum values the producer needs, handed over by the code that loaded the SDK. */
export interface MetricSdkValues {
  cumulative: AggregationTemporality;
  histogram: DataPointType;
  sum: DataPointType;
  gauge: DataPointType;
  resource: Resource;
}

/** The GenAI histograms under the conventions' own names and units. */
const conventionNames: Record<string, { name: string; unit: string }> = {
  gen_ai_client_token_usage: { name: 'gen_ai.client.token.usage', unit: '{token}' },
  gen_ai_client_operation_duration_seconds: { name: 'gen_ai.client.operation.duration', unit: 's' },
  gen_ai_server_time_to_first_token_seconds: { name: 'gen_ai.server.time_to_first_token', unit: 's' },
  gen_ai_server_time_per_output_token_seconds: { name: 'gen_ai.server.time_per_output_token', unit: 's' },
};

const conventionAttributes: Record<string, string> = {
  gen_ai_operation_name: 'gen_ai.operation.name',
  gen_ai_provider_name: 'gen_ai.provider.name',
  gen_ai_request_model: 'gen_ai.request.model',
  gen_ai_token_type: 'gen_ai.token.type',
  gatehouse_provider: 'gatehouse.provider',
  error_type: 'error.type',
};

interface PromValue {
  value: number;
  labels: Record<string, string | number | undefined>;
  metricName?: string;
}

/**
 * Hands the gateway's Prometheus metrics to the OpenTelemetry metric reader at each export, so OTLP gets the very
 * numbers /metrics shows without a second recording on the request path. The GenAI histograms take the conventions'
 * names (gen_ai.client.token.usage, ...); gatehouse_x_total becomes gatehouse.x; labels become dotted attributes.
 */
export class RegistryMetricProducer implements MetricProducer {
  private registry?: Registry;
  private readonly startTime: HrTime = nowHrTime();

  constructor(private readonly sdk: MetricSdkValues) {}

  /** The registry to export; GatewayMetrics attaches its own when it is made. */
  attach(registry: Registry): void {
    this.registry = registry;
  }

  async collect(): Promise<CollectionResult> {
    const metrics: MetricData[] = [];
    const endTime = nowHrTime();
    for (const metric of this.registry?.getMetricsAsArray() ?? []) {
      if (!metric.name.startsWith('gen_ai_') && !metric.name.startsWith('gatehouse_')) continue;
      const { values } = (await (metric as unknown as { get(): Promise<{ values: PromValue[] }> }).get()) ?? { values: [] };
      // prom-client's types call `type` an enum, but at run time it is the text: counter, gauge, histogram, summary.
      const data = this.toMetricData(metric.name, metric.help, String(metric.type), values, endTime);
      if (data) metrics.push(data);
    }
    return { resourceMetrics: { resource: this.sdk.resource, scopeMetrics: [{ scope: { name: 'gatehouse' }, metrics }] }, errors: [] };
  }

  private toMetricData(promName: string, help: string, type: string, values: PromValue[], endTime: HrTime): MetricData | undefined {
    const convention = conventionNames[promName];
    const descriptor = {
      name: convention?.name ?? promName.replace(/_total$/, '').replace(/^gatehouse_/, 'gatehouse.'),
      description: help,
      unit: convention?.unit ?? '',
      valueType: ValueType.DOUBLE,
    };
    const point = <T>(labels: PromValue['labels'], value: T) => ({ startTime: this.startTime, endTime, attributes: attributesOf(labels), value });
    switch (type) {
      case 'counter':
        return {
          descriptor,
          aggregationTemporality: this.sdk.cumulative,
          dataPointType: this.sdk.sum,
          isMonotonic: true,
          dataPoints: values.map((sample) => point(sample.labels, sample.value)),
        } as MetricData;
      case 'gauge':
        return {
          descriptor,
          aggregationTemporality: this.sdk.cumulative,
          dataPointType: this.sdk.gauge,
          dataPoints: values.map((sample) => point(sample.labels, sample.value)),
        } as MetricData;
      case 'histogram':
        return {
          descriptor,
          aggregationTemporality: this.sdk.cumulative,
          dataPointType: this.sdk.histogram,
          dataPoints: histogramPoints(promName, values).map(({ labels, histogram }) => point(labels, histogram)),
        } as MetricData;
      default:
        return undefined;
    }
  }
}

/** Prometheus histogram samples (cumulative `_bucket`s with `le`, `_sum`, `_count`) → one OTel histogram per label set. */
function histogramPoints(promName: string, values: PromValue[]) {
  const series = new Map<string, { labels: PromValue['labels']; bounds: Array<[number, number]>; sum: number; count: number }>();
  for (const sample of values) {
    const { le, ...labels } = sample.labels;
    const key = JSON.stringify(labels);
    let entry = series.get(key);
    if (!entry) series.set(key, (entry = { labels, bounds: [], sum: 0, count: 0 }));
    if (sample.metricName === `${promName}_bucket`) entry.bounds.push([le === '+Inf' ? Infinity : Number(le), sample.value]);
    else if (sample.metricName === `${promName}_sum`) entry.sum = sample.value;
    else if (sample.metricName === `${promName}_count`) entry.count = sample.value;
  }
  return [...series.values()].map(({ labels, bounds, sum, count }) => {
    bounds.sort((a, b) => a[0] - b[0]);
    const boundaries = bounds.filter(([bound]) => bound !== Infinity).map(([bound]) => bound);
    // Prometheus buckets are cumulative; OTel counts each bucket on its own, with one more for above the last bound.
    const counts = boundaries.map((_, at) => bounds[at]![1] - (at === 0 ? 0 : bounds[at - 1]![1]));
    const lastFinite = boundaries.length === 0 ? 0 : bounds[boundaries.length - 1]![1];
    counts.push(count - lastFinite);
    return { labels, histogram: { buckets: { boundaries, counts }, sum, count } };
  });
}

function attributesOf(labels: PromValue['labels']): Attributes {
  const attributes: Attributes = {};
  for (const [name, value] of Object.entries(labels)) {
    if (value === undefined || value === '') continue;
    attributes[conventionAttributes[name] ?? name] = value;
  }
  return attributes;
}

function nowHrTime(): HrTime {
  const now = Date.now();
  return [Math.floor(now / 1000), (now % 1000) * 1_000_000];
}
