import type { LifecycleVerdict } from "../lifecycle-policy";
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
  /** ECR `imageScanStatus.status` (e.g. COMPLETE, ACTIVE, SCAN_ELIGIBILITY_EXPIRED); null when never scanned. */
  scanStatus: string | null;
  /** When the last completed scan finished; null when unknown. */
  scanCompletedAt: Date | null;
  /** What the repository's lifecycle policy does to this digest; null without a policy (or not read yet). */
  lifecycle: LifecycleVerdict | null;
  lineage: LineageResult | null;
  /** Runtime of the base image when known from elsewhere (OCI base-name annotation); lineage is used otherwise. */
  baseRuntime: string | null;
}

/** A digest a published version or an alias can run, other than the one `$LATEST` runs. */
export interface PinnedImage {
  image: ImageFacts;
  /** What runs it, e.g. ["version 7", "alias live (10 %)"]. */
  usedBy: readonly string[];
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
  /** Digests of published versions and aliases that `$LATEST` does not run. */
  pinnedImages: readonly PinnedImage[];
  coldStarts: { thisWeek: WeekColdStarts; previousWeeks: readonly WeekColdStarts[] } | null;
}
