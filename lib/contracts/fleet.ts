import type { Coverage, FleetCoverage } from "@/lib/analysis/coverage";
import type { IdleLevel } from "@/lib/analysis/idle";
import type { ViewWindow } from "@/lib/analysis/time-window";
import { FunctionState } from "@/lib/analysis/types";
import type { FunctionRef } from "./functions";
import type { RollupFreshness } from "./rollups";

/** The states the lifecycle chart stacks; every other observed state (the enum is open) is summed as Other. */
export const CHARTED_STATES = [
  FunctionState.Active,
  FunctionState.Pending,
  FunctionState.Inactive,
  FunctionState.Failed,
] as const;

export interface FleetSummary {
  functions: number;
  imageFunctions: number;
  /** Image functions / all functions; null for an empty fleet. */
  imageShare: number | null;
  /** Current functions (not deleted) by observed state; "Unknown" until the first GetFunction. */
  byState: Record<string, number>;
  imageByState: Record<string, number>;
  accounts: number;
  regions: number;
  lastCollectionAt: string | null;
  idleThresholdDays: number;
}

/** The values the filters offer: what the fleet actually holds. */
export interface FleetFacets {
  accounts: { id: string; name: string }[];
  regions: string[];
  teams: string[];
}

export interface FleetTopLists {
  mostColdStarts: { fn: FunctionRef; coldStarts: number; invocations: number; coldStartRate: number | null }[];
  closestToIdle: {
    fn: FunctionRef;
    idleDays: number;
    idleSinceUnknown: boolean;
    level: IdleLevel;
    predictedInactiveAt: string | null;
  }[];
  staleImages: {
    repository: string | null;
    tag: string | null;
    digest: string;
    pushedAt: string;
    ageDays: number;
    functions: number;
    example: FunctionRef;
  }[];
  /** `since`: the earliest evidence of the failure; `sinceAtLeast` when it was already Failed at first sight. */
  failed: { fn: FunctionRef; reason: string | null; since: string | null; sinceAtLeast: boolean }[];
  idleThresholdDays: number;
}

export type ChartedState = (typeof CHARTED_STATES)[number];

/** Counts of a step; null before the first fleet snapshot (collection had not started: unknown, not zero). */
export type LifecyclePoint = { t: string } & Record<ChartedState | "Other", number | null>;

export interface LifecycleSeries {
  window: { from: string; to: string; step: ViewWindow["step"] };
  /** From the first fleet snapshot (or state observation) on; complete when that precedes the window. */
  coverage: Coverage;
  points: LifecyclePoint[];
}

export interface ColdStartPoint {
  t: string;
  /** Null before any function of the slice was collected. */
  coldStarts: number | null;
  invocations: number | null;
  coldStartRate: number | null;
  initP95Ms: number | null;
  /** The step in progress: its figures are still growing. */
  partial: boolean;
}

export interface ColdStartSeries {
  window: { from: string; to: string; step: ViewWindow["step"] };
  /** Cold starts collected from `from` on; `fullyCovered` of `functions` (current ones) cover the whole window. */
  coverage: FleetCoverage;
  points: ColdStartPoint[];
  totals: { coldStarts: number; invocations: number; coldStartRate: number | null; initP95Ms: number | null };
  /** How current the slice roll-ups behind a preset window are; null for a custom window (read from buckets). */
  rollup: RollupFreshness | null;
}
