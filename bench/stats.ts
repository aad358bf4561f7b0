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
 * `budgetMs` is spent (but never below `minimum` samples): slow workloads must not eat the run.
 */
export async function sampleMs(
  run: () => Promise<unknown>,
  options: { iterations: number; warmup: number; budgetMs: number; minimum?: number },
): Promise<number[]> {
  for (let i = 0; i < options.warmup; i++) await run();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < options.iterations) {
    samples.push((await timed(run)).ms);
    if (samples.length >= (options.minimum ?? 3) && performance.now() - started > options.budgetMs) break;
  }
  return samples;
}
