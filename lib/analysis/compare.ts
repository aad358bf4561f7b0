/** Code-unit order, independent of locale, so sorted output is byte-stable on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sums per key into a plain record whose keys are in sorted order (stable JSON). */
export function sumByKey(entries: Iterable<readonly [string, number]>): Record<string, number> {
  const totals = new Map<string, number>();
  for (const [key, value] of entries) totals.set(key, (totals.get(key) ?? 0) + value);
  return Object.fromEntries([...totals].sort(([a], [b]) => compareStrings(a, b)));
}
