/** A prom-client metric with labels: `labels(...values)` makes (and validates) a child for one combination of values. */
interface LabelledMetric<Child> {
  labels(...values: string[]): Child;
}

/**
 * The children of one labelled metric, made once per distinct label values and then reused, so that recording a
 * request costs a map lookup instead of building and validating a label object each time. Up to six labels.
 */
export class LabelledSeries<Child> {
  private readonly children = new Map<string, Child>();

  constructor(
    private readonly metric: LabelledMetric<Child>,
    private readonly arity: number,
  ) {}

  of(a: string, b = '', c = '', d = '', e = '', f = ''): Child {
    const key = `${a}\u0000${b}\u0000${c}\u0000${d}\u0000${e}\u0000${f}`;
    let child = this.children.get(key);
    if (child === undefined) {
      child = this.metric.labels(...[a, b, c, d, e, f].slice(0, this.arity));
      this.children.set(key, child);
    }
    return child;
  }
}
