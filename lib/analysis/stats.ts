/**
 * Nearest-rank percentile: the smallest value such that at least p % of the values are ≤ it
 * (rank ⌈p/100 · n⌉, rank 1 for p = 0). It always returns an observed value, never an
 * interpolation. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Aggregate of one bucket (e.g. init durations of the cold starts in one hour). */
export interface BucketAggregate {
  count: number;
  avg: number | null;
  p95: number | null;
  max: number | null;
}

/**
 * Combines bucket aggregates. Count, weighted average and max are exact. p95 cannot be
 * recovered from bucket summaries, so it is approximated by the count-weighted nearest-rank
 * p95 of the bucket p95s: exact when one bucket holds all samples or all buckets agree, and
 * otherwise between the smallest and largest bucket p95 (never above the true max).
 * Buckets with no samples are ignored.
 */
export function mergeBuckets(buckets: readonly BucketAggregate[]): BucketAggregate {
  const filled = buckets.filter((b) => b.count > 0);
  const count = filled.reduce((sum, b) => sum + b.count, 0);
  const withAvg = filled.filter((b) => b.avg !== null);
  const avgWeight = withAvg.reduce((sum, b) => sum + b.count, 0);
  const maxes = filled.flatMap((b) => (b.max === null ? [] : [b.max]));
  return {
    count,
    avg: avgWeight === 0 ? null : withAvg.reduce((sum, b) => sum + b.count * b.avg!, 0) / avgWeight,
    p95: weightedP95(filled),
    max: maxes.length === 0 ? null : maxes.reduce((a, b) => Math.max(a, b)),
  };
}

function weightedP95(buckets: readonly BucketAggregate[]): number | null {
  const points = buckets
    .flatMap((b) => (b.p95 === null ? [] : [{ value: b.p95, weight: b.count }]))
    .sort((a, b) => a.value - b.value);
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  let cumulative = 0;
  for (const point of points) {
    cumulative += point.weight;
    if (cumulative >= 0.95 * total) return point.value;
  }
  return null;
}

/**
 * Cold starts per invocation; null without invocations. Cold starts come from logs and
 * invocations from metrics, so at window edges the rate can slightly exceed 1; it is not clamped.
 */
export function coldStartRate(coldStarts: number, invocations: number): number | null {
  return invocations > 0 ? coldStarts / invocations : null;
}
