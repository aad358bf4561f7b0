import type { IdleLevel } from "@/lib/analysis/idle";
import type { ViewWindow } from "@/lib/analysis/time-window";
import type { FunctionAlerts } from "./alerts";
import type { DigestSafetyDto, VersionsDto } from "./image-safety";

export interface MetricPoint {
  t: string;
  invocations: number | null;
  errors: number | null;
  throttles: number | null;
  coldStarts: number | null;
  initAvgMs: number | null;
  initP95Ms: number | null;
  initMaxMs: number | null;
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
    /** Lifecycle policy verdict and scan coverage of the deployed digest. */
    safety: DigestSafetyDto | null;
  } | null;
  /** Image functions: published versions and aliases with their digests' safety. */
  versions: VersionsDto | null;
  idle: {
    lastInvokedAt: string | null;
    idleSince: string;
    idleSinceUnknown: boolean;
    idleDays: number;
    thresholdDays: number;
    predictedInactiveAt: string | null;
    level: IdleLevel;
  };
  window: { from: string; to: string; step: ViewWindow["step"] };
  intervals: StateIntervalDto[];
  transitions: { at: string; from: string; to: string; reasonCode: string | null; reason: string | null }[];
  timeInStates: Record<string, number>;
  series: MetricPoint[];
  totals: {
    invocations: number;
    errors: number;
    throttles: number;
    coldStarts: number;
    coldStartRate: number | null;
    initAvgMs: number | null;
    initP95Ms: number | null;
    initMaxMs: number | null;
  };
  configChanges: {
    at: string;
    kind: string;
    codeSha256: string | null;
    imageDigest: string | null;
    details: Record<string, unknown>;
  }[];
}
