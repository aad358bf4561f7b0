import { DEFAULT_IDLE_THRESHOLDS, type IdleThresholds } from "../idle";
import { PackageType } from "../types";
import { DEFAULT_ENVIRONMENT_CONFIG, type EnvironmentConfig } from "./environment";
import type { SeverityCounts } from "./facts";

export interface ColdStartRegressionConfig {
  /** This week must be at least this many times the baseline. */
  regressionFactor: number;
  /** Minimum sample, for this week and for each baseline week: fewer cold starts make rates and p95s noise. */
  minColdStarts: number;
  minInvocations: number;
  /** How many previous weeks form the baseline, and how many of them must have enough data. */
  baselineWeeks: number;
  minBaselineWeeks: number;
}

export interface RuleConfig {
  idle: IdleThresholds & { packageTypes: readonly PackageType[] };
  stuckPendingMinutes: number;
  oldImageDays: number;
  baseImage: {
    warningReleasesBehind: number;
    /** Days since a newer release has been available. */
    warningDaysBehind: number;
  };
  deprecationWarningDays: number;
  /** A deprecated runtime is critical this many days before AWS blocks updates of functions on it. */
  deprecationCriticalDays: number;
  /** An Inactive function invoked within this many days still has callers: critical. */
  inactiveTrafficDays: number;
  /** An idle function invoked within this many days is in use, not abandoned. */
  idleInUseDays: number;
  environment: EnvironmentConfig;
  /** Scan severities that raise a finding. */
  findingSeverities: readonly (keyof SeverityCounts)[];
  coldStart: ColdStartRegressionConfig;
  imageSize: { limitBytes: number; marginRatio: number };
  /** Lifecycle expiry further off than this (days, or pushes for count rules) is shown, not alerted. */
  lifecycle: { warningDays: number; warningPushes: number };
  /** A completed scan older than this no longer covers new vulnerabilities. */
  scanMaxAgeDays: number;
}

export const DEFAULT_RULE_CONFIG: RuleConfig = {
  // Zip functions can go Inactive too, but AWS documents no idle threshold for them.
  idle: { ...DEFAULT_IDLE_THRESHOLDS, packageTypes: [PackageType.Image] },
  stuckPendingMinutes: 30,
  oldImageDays: 90,
  baseImage: { warningReleasesBehind: 3, warningDaysBehind: 30 },
  deprecationWarningDays: 60,
  deprecationCriticalDays: 14,
  inactiveTrafficDays: 14,
  idleInUseDays: 30,
  environment: DEFAULT_ENVIRONMENT_CONFIG,
  findingSeverities: ["critical", "high"],
  coldStart: { regressionFactor: 1.5, minColdStarts: 20, minInvocations: 100, baselineWeeks: 4, minBaselineWeeks: 2 },
  imageSize: { limitBytes: 10 * 1024 ** 3, marginRatio: 0.1 },
  lifecycle: { warningDays: 30, warningPushes: 3 },
  scanMaxAgeDays: 14,
};
