import { type Metric, type Registry } from 'prom-client';

type Labels = Readonly<Record<string, string>>;

interface Sample {
  labels: Record<string, string | number>;
  value: number;
  metricName?: string;
}

/** One series of a counter or a gauge: a number, changed in place. */
export class ValueSeries {
  value = 0;

  constructor(readonly labels: Labels) {}

  inc(by = 1): void {
    this.value += by;
  }

  dec(by = 1): void {
    this.value -= by;
  }
}

/** One series of a histogram: a count per bucket (not cumulative: the exposition adds them up), a sum and a count. */
export class HistogramSeries {
  readonly bucketCounts: number[];
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Labels,
    private readonly bounds: readonly number[],
  ) {
    this.bucketCounts = bounds.map(() => 0);
  }

  observe(value: number): void {
    if (!Number.isFinite(value)) return;
    this.sum += value;
    this.count++;
    const { bounds } = this;
    for (let at = 0; at < bounds.length; at++) {
      if (value <= bounds[at]!) {
        this.bucketCounts[at]!++;
        return;
      }
    }
  }
}

interface FamilyOptions {
  name: string;
  help: string;
  labelNames: readonly string[];
  registry: Registry;
}

/**
 * The series of one labelled metric, rendered by prom-client's registry (at GET /metrics and for OTLP) through the
 * `get()` every registry metric has. Recording is a number changed in a series the caller keeps: prom-client's own
 * children rebuild and hash a label object on every call, which cost more than the rest of a request's metrics.
 */
abstract class SeriesFamily<Series extends { labels: Labels }> {
  readonly name: string;
  readonly help: string;
  readonly aggregator = 'sum';
  private readonly labelNames: readonly string[];
  // One level of maps per label, so that finding a series allocates nothing.
  private readonly tree = new Map<string, unknown>();
  private readonly all: Series[] = [];

  constructor(options: FamilyOptions) {
    if (options.labelNames.length === 0) throw new Error(`${options.name}: a series family needs labels`);
    this.name = options.name;
    this.help = options.help;
    this.labelNames = options.labelNames;
    // The registry's type wants prom-client's own classes; at run time it reads name, help, type and get().
    options.registry.registerMetric(this as unknown as Metric);
  }

  abstract readonly type: 'counter' | 'gauge' | 'histogram';

  /** The series of these label values, in the order of the label names; made on first use. */
  of(...values: string[]): Series {
    if (values.length !== this.labelNames.length) throw new Error(`${this.name} takes ${this.labelNames.length} label values, not ${values.length}`);
    let level = this.tree;
    const last = values.length - 1;
    for (let at = 0; at < last; at++) {
      let next = level.get(values[at]!) as Map<string, unknown> | undefined;
      if (next === undefined) level.set(values[at]!, (next = new Map()));
      level = next;
    }
    let series = level.get(values[last]!) as Series | undefined;
    if (series === undefined) {
      const labels: Record<string, string> = {};
      this.labelNames.forEach((name, at) => (labels[name] = values[at]!));
      series = this.create(labels);
      level.set(values[last]!, series);
      this.all.push(series);
    }
    return series;
  }

  protected abstract create(labels: Labels): Series;

  protected abstract samples(series: Series): Sample[];

  get(): { name: string; help: string; type: string; aggregator: string; values: Sample[] } {
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values: this.all.flatMap((series) => this.samples(series)) };
  }
}

/** A counter or a gauge: one number per series. */
export class ValueFamily extends SeriesFamily<ValueSeries> {
  constructor(
    options: FamilyOptions,
    readonly type: 'counter' | 'gauge',
  ) {
    super(options);
  }

  protected create(labels: Labels): ValueSeries {
    return new ValueSeries(labels);
  }

  protected samples(series: ValueSeries): Sample[] {
    return [{ labels: { ...series.labels }, value: series.value }];
  }
}

export class HistogramFamily extends SeriesFamily<HistogramSeries> {
  readonly type = 'histogram';
  private readonly bounds: readonly number[];

  constructor(options: FamilyOptions & { buckets: readonly number[] }) {
    super(options);
    this.bounds = [...options.buckets].sort((a, b) => a - b);
  }

  protected create(labels: Labels): HistogramSeries {
    return new HistogramSeries(labels, this.bounds);
  }

  /** Prometheus's shape: cumulative `_bucket`s with `le` (the last one +Inf), then `_sum` and `_count`. */
  protected samples(series: HistogramSeries): Sample[] {
    const samples: Sample[] = [];
    let cumulative = 0;
    this.bounds.forEach((bound, at) => {
      cumulative += series.bucketCounts[at]!;
      samples.push({ labels: { le: bound, ...series.labels }, value: cumulative, metricName: `${this.name}_bucket` });
    });
    samples.push(
      { labels: { le: '+Inf', ...series.labels }, value: series.count, metricName: `${this.name}_bucket` },
      { labels: { ...series.labels }, value: series.sum, metricName: `${this.name}_sum` },
      { labels: { ...series.labels }, value: series.count, metricName: `${this.name}_count` },
    );
    return samples;
  }
}
