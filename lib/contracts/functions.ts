import type { Coverage } from "@/lib/analysis/coverage";
import type { IdleLevel } from "@/lib/analysis/idle";
import type { FunctionAlerts } from "./alerts";
import type { RollupFreshness } from "./rollups";

/** Enough of a function to name it and link to its page. */
export interface FunctionRef {
  id: string;
  accountId: string;
  accountName: string;
  region: string;
  name: string;
  packageType: string;
  state: string | null;
  stateReasonCode: string | null;
}

export interface FunctionRow {
  id: string;
  /** Active alerts, for the warning badges (table pages only, not the CSV export). */
  alerts?: FunctionAlerts;
  accountId: string;
  accountName: string;
  region: string;
  name: string;
  packageType: string;
  runtime: string | null;
  state: string | null;
  stateReasonCode: string | null;
  stateReason: string | null;
  team: string | null;
  imageUri: string | null;
  imageRepository: string | null;
  imageTag: string | null;
  imageDigest: string | null;
  imagePushedAt: string | null;
  architecture: string;
  memoryMb: number;
  lastInvokedAt: string | null;
  idleDays: number;
  /** No invocation in the history we hold: idle days count from when we first saw the function. */
  idleSinceUnknown: boolean;
  idleLevel: IdleLevel;
  /** Lambda already made it Inactive: since when (the earliest evidence; `inactiveSinceAtLeast` when only first sight). */
  inactiveSince: string | null;
  inactiveSinceAtLeast: boolean;
  /** Failed: idleness is not what stops it. */
  failed: boolean;
  /** What of the window the totals below cover (see docs/api.md): null totals were not collected at all. */
  coverage: { metrics: Coverage; coldStarts: Coverage };
  coldStarts: number | null;
  invocations: number | null;
  coldStartRate: number | null;
  initP95Ms: number | null;
  deletedAt: string | null;
}

export interface FunctionPage {
  rows: FunctionRow[];
  total: number;
  page: number;
  pageSize: number;
  window: { from: string; to: string };
  /** How current the roll-ups behind a preset window's figures are; null for a custom window (read from buckets). */
  rollup: RollupFreshness | null;
}
