import parsePrometheusTextFormat, { type ParsedFamily, type ParsedSample } from 'parse-prometheus-text-format';

/**
 * A Prometheus text exposition, parsed by a real parser, with look-ups by family name and labels.
 *
 * The parser folds a histogram's samples into one and drops every label but `le`, which is useless for labelled
 * histograms; so the text is parsed a second time with histograms declared untyped, which makes their `_bucket`,
 * `_sum` and `_count` series plain families whose samples keep their labels.
 */
export class PrometheusSamples {
  /** The families as declared (names, types, help). */
  readonly families: ParsedFamily[];
  private readonly series: ParsedFamily[];

  constructor(text: string) {
    this.families = parsePrometheusTextFormat(text);
    this.series = parsePrometheusTextFormat(text.replace(/^(# TYPE \S+) histogram$/gm, '$1 untyped'));
  }

  family(name: string): ParsedFamily {
    const family = this.families.find((candidate) => candidate.name === name);
    if (!family) throw new Error(`no metric family ${name}`);
    return family;
  }

  /** The samples of one series (a counter, a gauge, or a histogram's `x_bucket`, `x_sum`, `x_count`) whose labels include `labels`. */
  samples(series: string, labels: Record<string, string> = {}): ParsedSample[] {
    // prom-client writes a histogram child by child, so one series name comes back as several families.
    return this.series
      .filter((family) => family.name === series)
      .flatMap((family) => family.metrics)
      .filter((sample) => Object.entries(labels).every(([key, value]) => sample.labels?.[key] === value));
  }

  /** The summed value of a series over the samples matching `labels` (0 when none). */
  value(series: string, labels: Record<string, string> = {}): number {
    return this.samples(series, labels).reduce((total, sample) => total + Number(sample.value), 0);
  }

  /** Count and sum of a histogram over the samples matching `labels`. */
  histogram(name: string, labels: Record<string, string> = {}): { count: number; sum: number } {
    this.expectType(name, 'HISTOGRAM');
    return { count: this.value(`${name}_count`, labels), sum: this.value(`${name}_sum`, labels) };
  }

  /** The bucket boundaries of a histogram (without +Inf). */
  bucketBounds(name: string): number[] {
    this.expectType(name, 'HISTOGRAM');
    const bounds = new Set(this.samples(`${name}_bucket`).map((sample) => sample.labels?.le ?? ''));
    bounds.delete('+Inf');
    return [...bounds].map(Number).sort((a, b) => a - b);
  }

  /** Every series name the exposition declares: histograms give their _bucket, _sum and _count series. */
  seriesNames(): Set<string> {
    const names = new Set<string>();
    for (const family of this.families) {
      names.add(family.name);
      if (family.type === 'HISTOGRAM') for (const suffix of ['_bucket', '_sum', '_count']) names.add(family.name + suffix);
      if (family.type === 'SUMMARY') for (const suffix of ['_sum', '_count']) names.add(family.name + suffix);
    }
    return names;
  }

  private expectType(name: string, type: ParsedFamily['type']): void {
    const declared = this.family(name).type;
    if (declared !== type) throw new Error(`${name} is a ${declared}, not a ${type}`);
  }
}
