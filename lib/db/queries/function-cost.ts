import { estimateCost, priceTableFor, US_EAST_1_PRICES } from "@/lib/analysis/cost";
import type { Coverage } from "@/lib/analysis/coverage";
import { DAY_MS } from "@/lib/analysis/time";
import { appConfig } from "@/lib/config/load";
import type { FunctionCost } from "@/lib/contracts/function-detail";

interface CostedBucket {
  invocations: number;
  durationAvg: number | null;
  coldStarts: number;
  initAvg: number | null;
}

/** Σ average × count over buckets; null when a bucket with a count has no average (not collected). */
function weightedSum(
  buckets: readonly CostedBucket[],
  count: (b: CostedBucket) => number,
  avg: (b: CostedBucket) => number | null,
) {
  let total = 0;
  for (const bucket of buckets) {
    if (count(bucket) === 0) continue;
    const average = avg(bucket);
    if (average === null) return null;
    total += average * count(bucket);
  }
  return total;
}

/**
 * The estimated cost of one function over the covered part of a window (docs/cost.md). Provisioned
 * concurrency is not collected yet: the figures exclude it, and say so.
 */
export function functionCost(
  fn: { region: string; architecture: string; memoryMb: number; ephemeralMb: number },
  buckets: readonly CostedBucket[],
  coverage: { metrics: Coverage; coldStarts: Coverage },
): FunctionCost {
  const metricsKnown = coverage.metrics.from !== null;
  const coldStartsKnown = coverage.coldStarts.from !== null;
  const prices = priceTableFor(fn.region, US_EAST_1_PRICES, appConfig().config.pricing.regions);
  const estimate = estimateCost(
    {
      ...fn,
      invocations: metricsKnown ? buckets.reduce((sum, b) => sum + b.invocations, 0) : null,
      durationMs: metricsKnown
        ? weightedSum(
            buckets,
            (b) => b.invocations,
            (b) => b.durationAvg,
          )
        : null,
      initDurationMs: coldStartsKnown
        ? weightedSum(
            buckets,
            (b) => b.coldStarts,
            (b) => b.initAvg,
          )
        : null,
      provisionedConcurrencySeconds: 0,
    },
    prices,
  );
  const coveredMs =
    coverage.metrics.from && coverage.metrics.to
      ? Date.parse(coverage.metrics.to) - Date.parse(coverage.metrics.from)
      : 0;
  const { provisionedConcurrency: _notCollected, ...figures } = estimate;
  return {
    method: "docs/cost.md",
    currency: "USD",
    ...figures,
    perDay: figures.total === null || coveredMs <= 0 ? null : figures.total / (coveredMs / DAY_MS),
    excludes: ["provisioned concurrency (not collected)", "free tier", "volume tiers", "savings plans"],
  };
}
