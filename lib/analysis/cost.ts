// What a function costs, estimated from what CloudWatch tells us (docs/cost.md). Lambda bills
// requests, compute (GB-seconds of memory over billed duration, init included for container
// images), ephemeral storage above the free 512 MB, and provisioned concurrency while configured.
// Free tier, volume tiers and savings plans are ignored: every figure here is an estimate, and an
// input we did not collect makes its component unknown (null), never free.

export type Architecture = "x86_64" | "arm64";

export interface ArchitecturePrices {
  /** On-demand compute, per GB-second. */
  gbSecond: number;
  /**
   * Provisioned concurrency kept warm, per GB-second configured. (Invocations it serves are billed
   * at a lower duration price; CloudWatch does not split them out per window here, so their duration
   * is estimated at the on-demand price: an estimate on the high side.)
   */
  provisionedGbSecond: number;
}

export interface PriceTable {
  requestPerMillion: number;
  /** Ephemeral storage above the free 512 MB, per GB-second. */
  ephemeralGbSecond: number;
  architectures: Record<Architecture, ArchitecturePrices>;
}

/**
 * Public on-demand prices of US East (N. Virginia), first tier, as published on the AWS Lambda
 * pricing page (read 2026-12-07). Other regions and later price changes: `pricing` in the
 * configuration.
 */
export const US_EAST_1_PRICES: PriceTable = {
  requestPerMillion: 0.2,
  ephemeralGbSecond: 0.0000000309,
  architectures: {
    x86_64: { gbSecond: 0.0000166667, provisionedGbSecond: 0.0000041667 },
    arm64: { gbSecond: 0.0000133334, provisionedGbSecond: 0.0000033334 },
  },
};

/** Ephemeral storage up to this size is included in the price. */
export const FREE_EPHEMERAL_MB = 512;

export interface CostInput {
  architecture: string;
  memoryMb: number;
  ephemeralMb: number;
  /** Invocations in the window; null when not collected. */
  invocations: number | null;
  /** Sum of handler Duration (ms) over the window; null when not collected. */
  durationMs: number | null;
  /** Sum of init durations (ms) of the window's cold starts; null when not collected. */
  initDurationMs: number | null;
  /** Provisioned concurrency: instances × seconds configured in the window (0 when none is configured). */
  provisionedConcurrencySeconds: number;
}

export interface CostEstimate {
  requests: number | null;
  compute: number | null;
  /** Init duration of cold starts, billed for container images: the cost of cold starts. */
  init: number | null;
  ephemeralStorage: number | null;
  provisionedConcurrency: number;
  /** The sum, null when any component is unknown. */
  total: number | null;
  /** GB-seconds of init: what cold starts cost in compute. */
  initGbSeconds: number | null;
}

const MB_PER_GB = 1024;

/** Unknown architectures are billed as x86_64, the default and the dearer of the two. */
function pricesOf(table: PriceTable, architecture: string): ArchitecturePrices {
  return architecture === "arm64" ? table.architectures.arm64 : table.architectures.x86_64;
}

function times(value: number | null, factor: number): number | null {
  return value === null ? null : value * factor;
}

export function estimateCost(input: CostInput, table: PriceTable): CostEstimate {
  const prices = pricesOf(table, input.architecture);
  const memoryGb = input.memoryMb / MB_PER_GB;
  const billedEphemeralGb = Math.max(0, input.ephemeralMb - FREE_EPHEMERAL_MB) / MB_PER_GB;
  const durationSeconds = times(input.durationMs, 1 / 1000);
  const initSeconds = times(input.initDurationMs, 1 / 1000);
  const runningSeconds = durationSeconds === null || initSeconds === null ? null : durationSeconds + initSeconds;

  const requests = times(input.invocations, table.requestPerMillion / 1_000_000);
  const compute = times(durationSeconds, memoryGb * prices.gbSecond);
  const initGbSeconds = times(initSeconds, memoryGb);
  const init = times(initGbSeconds, prices.gbSecond);
  const ephemeralStorage =
    billedEphemeralGb === 0 ? 0 : times(runningSeconds, billedEphemeralGb * table.ephemeralGbSecond);
  const provisionedConcurrency = input.provisionedConcurrencySeconds * memoryGb * prices.provisionedGbSecond;

  const parts = [requests, compute, init, ephemeralStorage];
  const total = parts.some((part) => part === null)
    ? null
    : parts.reduce<number>((sum, part) => sum + (part ?? 0), provisionedConcurrency);
  return { requests, compute, init, ephemeralStorage, provisionedConcurrency, total, initGbSeconds };
}

/** A region's prices as configured: any price not named keeps the default's. */
export interface PriceOverride {
  requestPerMillion?: number;
  ephemeralGbSecond?: number;
  architectures?: Partial<Record<Architecture, Partial<ArchitecturePrices>>>;
}

/** A region's prices: the configured override merged over the default table. */
export function priceTableFor(
  region: string,
  base: PriceTable,
  overrides: Record<string, PriceOverride> = {},
): PriceTable {
  const override = overrides[region];
  if (!override) return base;
  return {
    requestPerMillion: override.requestPerMillion ?? base.requestPerMillion,
    ephemeralGbSecond: override.ephemeralGbSecond ?? base.ephemeralGbSecond,
    architectures: {
      x86_64: { ...base.architectures.x86_64, ...override.architectures?.x86_64 },
      arm64: { ...base.architectures.arm64, ...override.architectures?.arm64 },
    },
  };
}
