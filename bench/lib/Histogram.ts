/** Below this many µs buckets are 1 µs wide; above, each is 0.5 % wider than the last. */
const LINEAR_US = 1000;
const GROWTH = Math.log(1.005);
/** Enough buckets for 60 s. */
const BUCKETS = LINEAR_US + Math.ceil(Math.log(60_000_000 / LINEAR_US) / GROWTH) + 1;

function bucketOf(us: number): number {
  if (us < LINEAR_US) return Math.max(0, Math.floor(us));
  return Math.min(BUCKETS - 1, LINEAR_US + Math.floor(Math.log(us / LINEAR_US) / GROWTH));
}

function bucketValue(bucket: number): number {
  return bucket < LINEAR_US ? bucket + 0.5 : LINEAR_US * Math.exp((bucket - LINEAR_US + 0.5) * GROWTH);
}

/** The non-empty buckets of a {@link Histogram}, as `[bucket, count]` pairs: small enough to send over IPC. */
export type HistogramData = [number, number][];

/**
 * Latencies in µs with 1 µs resolution below 1 ms and 0.5 % above, in fixed memory, so every call of a
 * bounded run is recorded (no sampling) and histograms from several load processes merge exactly.
 */
export class Histogram {
  readonly #counts = new Float64Array(BUCKETS);
  #total = 0;

  /** Records one latency in µs. */
  record(us: number): void {
    this.#counts[bucketOf(us)]!++;
    this.#total++;
  }

  /** How many latencies were recorded. */
  get count(): number {
    return this.#total;
  }

  /** The latency (µs) below which `quantile` (0–1) of the recorded ones fall; NaN when empty. */
  percentile(quantile: number): number {
    if (this.#total === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(quantile * this.#total));
    let seen = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      seen += this.#counts[bucket]!;
      if (seen >= rank) return bucketValue(bucket);
    }
    return bucketValue(BUCKETS - 1);
  }

  /** Adds another histogram's counts (from {@link toData}) to this one. */
  merge(data: HistogramData): void {
    for (const [bucket, count] of data) {
      this.#counts[bucket]! += count;
      this.#total += count;
    }
  }

  /** The non-empty buckets, for sending to the parent process. */
  toData(): HistogramData {
    const data: HistogramData = [];
    this.#counts.forEach((count, bucket) => {
      if (count > 0) data.push([bucket, count]);
    });
    return data;
  }
}
