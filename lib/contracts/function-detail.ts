import type { Coverage } from "@/lib/analysis/coverage";
import type { IdleLevel } from "@/lib/analysis/idle";
import type { SinceEvidence } from "@/lib/analysis/state-since";
import type { ViewWindow } from "@/lib/analysis/time-window";
import type { FunctionAlerts } from "./alerts";

export interface MetricPoint {
  t: string;
  invocations: number | null;
  errors: number | null;
  throttles: number | null;
  coldStarts: number | null;
  initAvgMs: number | null;
  initP95Ms: number | null;
  initMaxMs: number | null;
  /** The step is only partly collected (the step in progress, or the one where collection starts): its figures are lower bounds. */
  partial: boolean;
}

export interface StateIntervalDto {
  state: string;
  reasonCode: string | null;
  reason: string | null;
  from: string;
  to: string | null;
}

export interface FunctionDetail {
  id: string;
  alerts: FunctionAlerts | null;
  accountId: string;
  accountName: string;
  region: string;
  name: string;
  arn: string;
  packageType: string;
  runtime: string | null;
  handler: string | null;
  architecture: string;
  memoryMb: number;
  timeoutSec: number;
  ephemeralMb: number;
  fileSystems: { arn: string; localMountPath: string }[];
  logFormat: string;
  logGroup: string;
  tags: Record<string, string>;
  team: string | null;
  state: string | null;
  stateReason: string | null;
  stateReasonCode: string | null;
  lastUpdateStatus: string | null;
  lastUpdateReason: string | null;
  stateReadAt: string | null;
  lastModified: string;
  firstSeenAt: string;
  lastSeenAt: string;
  deletedAt: string | null;
  image: {
    uri: string | null;
    repository: string | null;
    tag: string | null;
    digest: string | null;
    entryPoint: string[] | null;
    command: string[] | null;
    workingDirectory: string | null;
    pushedAt: string | null;
    sizeBytes: number | null;
    lastPulledAt: string | null;
    scanStatus: string | null;
    findings: { critical: number; high: number; medium: number; low: number } | null;
    /** ECR answered ImageNotFound: the function will fail on its next cold start. */
    missingAt: string | null;
  } | null;
  idle: {
    lastInvokedAt: string | null;
    idleSince: string;
    idleSinceUnknown: boolean;
    idleDays: number;
    thresholdDays: number;
    predictedInactiveAt: string | null;
    level: IdleLevel;
    /** Lambda already made it Inactive: since when (as `stateSince`). */
    inactiveSince: string | null;
    /** Failed: idleness is not what stops it. */
    failed: boolean;
  };
  /** Since when the function is in its current state, from the earliest evidence held; null without a state. */
  stateSince: { at: string; atLeast: boolean; evidence: SinceEvidence } | null;
  window: { from: string; to: string; step: ViewWindow["step"] };
  intervals: StateIntervalDto[];
  transitions: { at: string; from: string; to: string; reasonCode: string | null; reason: string | null }[];
  timeInStates: Record<string, number>;
  /** What of the window the series and totals cover: metrics (invocations, errors, throttles) and cold starts (logs). */
  coverage: { metrics: Coverage; coldStarts: Coverage };
  series: MetricPoint[];
  /** Sums over the covered part of the window; null when none of it was collected. */
  totals: {
    invocations: number | null;
    errors: number | null;
    throttles: number | null;
    coldStarts: number | null;
    coldStartRate: number | null;
    initAvgMs: number | null;
    initP95Ms: number | null;
    initMaxMs: number | null;
  };
  /** An estimate over the covered part of the window (docs/cost.md); unknown components are null. */
  cost: FunctionCost;
  configChanges: {
    at: string;
    kind: string;
    codeSha256: string | null;
    imageDigest: string | null;
    details: Record<string, unknown>;
  }[];
}

export interface FunctionCost {
  method: "docs/cost.md";
  currency: "USD";
  total: number | null;
  /** The total spread over the covered days of the window. */
  perDay: number | null;
  requests: number | null;
  compute: number | null;
  /** Init duration of cold starts (billed for container images): the cost of cold starts. */
  init: number | null;
  initGbSeconds: number | null;
  ephemeralStorage: number | null;
  /** What the estimate leaves out. */
  excludes: string[];
}
