// A log-linear histogram in the manner of HdrHistogram: values below 256 µs are kept exactly, larger ones in 128
// sub-buckets per power of two, so any percentile is within 0.4% of the true value, whatever the range, and two
// histograms (from two processes, or two rounds) merge by adding counts.

const EXACT_LIMIT = 256;
const SUB_BUCKETS = 128;
const MAX_VALUE = 2 ** 31 - 1;

/** What crosses the process boundary: sparse [bucket index, count] pairs plus the exact extremes. */
export interface SerializedHistogram {
  counts: [number, number][];
  total: number;
  min: number;
  max: number;
  sum: number;
}

function bucketOf(value: number): number {
  if (value < EXACT_LIMIT) return value;
  const highestBit = 31 - Math.clz32(value);
  const shift = highestBit - 7;
  return EXACT_LIMIT + (shift - 1) * SUB_BUCKETS + ((value >>> shift) - SUB_BUCKETS);
}

/** The middle of a bucket's range: what a percentile falling in that bucket reports. */
function middleOf(bucket: number): number {
  if (bucket < EXACT_LIMIT) return bucket;
  const offset = bucket - EXACT_LIMIT;
  const shift = Math.floor(offset / SUB_BUCKETS) + 1;
  const top = (offset % SUB_BUCKETS) + SUB_BUCKETS;
  return ((top << shift) + ((top + 1) << shift) - 1) / 2;
}

/** Latencies in microseconds (recorded from milliseconds, the unit the generator measures in). */
export class LatencyHistogram {
  private readonly counts = new Map<number, number>();
  private total = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = 0;
  private sum = 0;

  static from(serialized: SerializedHistogram): LatencyHistogram {
    const histogram = new LatencyHistogram();
    histogram.merge(serialized);
    return histogram;
  }

  recordMs(milliseconds: number): void {
    this.recordMicros(Math.round(milliseconds * 1000));
  }

  recordMicros(micros: number): void {
    const value = Math.min(MAX_VALUE, Math.max(0, Math.round(micros)));
    const bucket = bucketOf(value);
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
    this.total++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  merge(other: SerializedHistogram | LatencyHistogram): void {
    const serialized = other instanceof LatencyHistogram ? other.serialize() : other;
    if (serialized.total === 0) return;
    for (const [bucket, count] of serialized.counts) this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + count);
    this.total += serialized.total;
    this.sum += serialized.sum;
    this.min = Math.min(this.min, serialized.min);
    this.max = Math.max(this.max, serialized.max);
  }

  get count(): number {
    return this.total;
  }

  /** The value at percentile `p` (0–100) in milliseconds; NaN when nothing was recorded. */
  percentileMs(p: number): number {
    if (this.total === 0) return Number.NaN;
    if (p <= 0) return this.min / 1000;
    if (p >= 100) return this.max / 1000;
    const rank = Math.ceil((p / 100) * this.total);
    let seen = 0;
    for (const bucket of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(bucket)!;
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, middleOf(bucket))) / 1000;
    }
    return this.max / 1000;
  }

  meanMs(): number {
    return this.total === 0 ? Number.NaN : this.sum / this.total / 1000;
  }

  serialize(): SerializedHistogram {
    return {
      counts: [...this.counts.entries()],
      total: this.total,
      min: this.total === 0 ? 0 : this.min,
      max: this.max,
      sum: this.sum,
    };
  }
}
