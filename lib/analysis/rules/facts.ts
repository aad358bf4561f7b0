import type { LineageResult } from "../lineage";
import type { FunctionIdentity, FunctionState, LastUpdateStatus, PackageType, StateReasonCode } from "../types";

export interface SeverityCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
}

export interface ImageFacts {
  /** The deployed digest (from `Code.ResolvedImageUri`). */
  digest: string;
  /** Null when ECR no longer describes the image. */
  pushedAt: Date | null;
  /** ECR `imageSizeInBytes`: the compressed size. */
  sizeBytes: number | null;
  /** The deployed digest is no longer in its repository. */
  missing: boolean;
  tagged: boolean;
  findings: SeverityCounts | null;
  lineage: LineageResult | null;
  /** Runtime of the base image when known from elsewhere (OCI base-name annotation); lineage is used otherwise. */
  baseRuntime: string | null;
}

export interface WeekColdStarts {
  coldStarts: number;
  invocations: number;
  initP95Ms: number | null;
}

export interface FunctionFacts {
  identity: FunctionIdentity & { team: string | null };
  /** The function's tags (the environment is read from them). */
  tags: Readonly<Record<string, string>>;
  packageType: PackageType;
  /** Configured runtime of a Zip function; null for images. */
  runtime: string | null;
  /** Last observed state; null when never read. */
  state: FunctionState | null;
  stateReasonCode: StateReasonCode | null;
  stateReason: string | null;
  lastUpdateStatus: LastUpdateStatus | null;
  lastUpdateStatusReasonCode: StateReasonCode | null;
  lastUpdateStatusReason: string | null;
  /** Start of the current Pending interval; null when not Pending. */
  pendingSince: Date | null;
  lastInvokedAt: Date | null;
  firstSeenAt: Date;
  image: ImageFacts | null;
  /** The deployed image's repository URI, whether or not ECR described the image. */
  imageRepository: string | null;
  coldStarts: { thisWeek: WeekColdStarts; previousWeeks: readonly WeekColdStarts[] } | null;
}
