/** One account × region's history backfill after its latest collection. */
export interface ScopeBackfill {
  /** Function histories (hourly metrics, cold starts) read back as far as configured, out of all. */
  done: number;
  total: number;
}

export interface BackfillSummary {
  /** Scopes with anything to backfill. */
  scopes: number;
  /** Of those, the ones still backfilling. */
  backfilling: number;
  /** Share of all function histories complete, floored (never "100 %" while any is missing). */
  percent: number;
}

/** How far the fleet's history backfill has got: "backfilling 12 of 15 scopes, 41 %". */
export function summarizeBackfill(scopes: readonly ScopeBackfill[]): BackfillSummary {
  const counted = scopes.filter((scope) => scope.total > 0);
  const done = counted.reduce((n, scope) => n + Math.min(scope.done, scope.total), 0);
  const total = counted.reduce((n, scope) => n + scope.total, 0);
  return {
    scopes: counted.length,
    backfilling: counted.filter((scope) => scope.done < scope.total).length,
    percent: total === 0 ? 100 : Math.floor((100 * done) / total),
  };
}
