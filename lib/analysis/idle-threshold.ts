// When does Lambda really make an idle function Inactive? AWS documents "multiple weeks" for
// images (14 days only for SnapStart), so ImageFleet measures it from the transitions it observed:
// how long each function had gone without an invocation when it turned Inactive (docs/idle-threshold.md).
import { percentile } from "./stats";

/** One observed Active → Inactive (Idle) transition whose last invocation before it is known. */
export interface IdleTransitionSample {
  packageType: string;
  region: string;
  /** Days between the last invocation and the transition. */
  idleDays: number;
}

export interface IdleDistribution {
  n: number;
  min: number;
  p10: number;
  median: number;
  max: number;
}

export interface LearnedIdleThresholds {
  byPackageType: Record<string, IdleDistribution>;
  /** Per package type and region, where a region holds enough samples to say something of its own. */
  byRegion: Record<string, Record<string, IdleDistribution>>;
}

export function idleDistribution(idleDays: readonly number[]): IdleDistribution | null {
  if (idleDays.length === 0) return null;
  const sorted = [...idleDays].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0]!,
    p10: percentile(sorted, 10)!,
    median: percentile(sorted, 50)!,
    max: sorted.at(-1)!,
  };
}

function grouped(samples: readonly IdleTransitionSample[], key: (s: IdleTransitionSample) => string) {
  const groups = new Map<string, number[]>();
  for (const sample of samples) groups.set(key(sample), [...(groups.get(key(sample)) ?? []), sample.idleDays]);
  return groups;
}

/** The distributions per package type, and per region where `minSamples` allow. */
export function learnIdleThresholds(
  samples: readonly IdleTransitionSample[],
  minSamples: number,
): LearnedIdleThresholds {
  const byPackageType: Record<string, IdleDistribution> = {};
  for (const [packageType, days] of grouped(samples, (s) => s.packageType)) {
    byPackageType[packageType] = idleDistribution(days)!;
  }
  const byRegion: Record<string, Record<string, IdleDistribution>> = {};
  for (const [key, days] of grouped(samples, (s) => `${s.packageType}\u0000${s.region}`)) {
    if (days.length < minSamples) continue;
    const [packageType, region] = key.split("\u0000") as [string, string];
    byRegion[packageType] = { ...byRegion[packageType], [region]: idleDistribution(days)! };
  }
  return { byPackageType, byRegion };
}

export type ThresholdSource = "configured" | "learned" | "default";

export interface ThresholdInForce {
  thresholdDays: number;
  source: ThresholdSource;
  /** Why this threshold: what a page shows beside the prediction. */
  reason: string;
}

/**
 * The threshold predictions use for a package type: a threshold pinned in the configuration wins;
 * else the learned p10 once `minSamples` transitions were observed (the earliest a function is
 * likely to go Inactive, so warnings come in time); else the default.
 */
export function thresholdInForce(
  learned: LearnedIdleThresholds,
  packageType: string,
  settings: { pinnedDays: number | undefined; defaultDays: number; minSamples: number },
): ThresholdInForce {
  if (settings.pinnedDays !== undefined) {
    return {
      thresholdDays: settings.pinnedDays,
      source: "configured",
      reason: `pinned in the configuration (idle.thresholdDays = ${settings.pinnedDays})`,
    };
  }
  const distribution = learned.byPackageType[packageType];
  if (distribution && distribution.n >= settings.minSamples) {
    return {
      thresholdDays: distribution.p10,
      source: "learned",
      reason: `learned: 10 % of ${distribution.n} ${packageType} functions went Inactive within ${distribution.p10.toFixed(1)} days idle`,
    };
  }
  const seen = distribution?.n ?? 0;
  return {
    thresholdDays: settings.defaultDays,
    source: "default",
    reason: `default: ${seen} of ${settings.minSamples} observed transitions needed to learn it`,
  };
}
