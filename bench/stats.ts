/** The q-quantile (0..1) of the values, by linear interpolation; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

/**
 * Milliseconds of up to `iterations` runs after `warmup` unmeasured ones, stopping early once
 * `budgetMs` is spent, warm-up included (but never below `minimum` samples): slow workloads must
 * not eat the run. A workload so slow that `minimum` samples would not fit in twice the budget
 * takes as many as do, at least one.
 */
export async function sampleMs(
  run: () => Promise<unknown>,
  options: { iterations: number; warmup: number; budgetMs: number; minimum?: number },
): Promise<number[]> {
  const started = performance.now();
  for (let i = 0; i < options.warmup; i++) await run();
  const samples: number[] = [];
  let minimum = options.minimum ?? 3;
  while (samples.length < options.iterations) {
    samples.push((await timed(run)).ms);
    if (samples.length === 1)
      minimum = Math.max(1, Math.min(minimum, Math.floor((2 * options.budgetMs) / samples[0]!)));
    if (samples.length >= minimum && performance.now() - started > options.budgetMs) break;
  }
  return samples;
}
