import type { IdleLevel } from "@/lib/analysis/idle";
import type { ViewWindow } from "@/lib/analysis/time-window";
import { FunctionState } from "@/lib/analysis/types";
import type { FunctionRef } from "./functions";

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
  failed: { fn: FunctionRef; reason: string | null; since: string | null }[];
  idleThresholdDays: number;
}

export type ChartedState = (typeof CHARTED_STATES)[number];

export type LifecyclePoint = { t: string } & Record<ChartedState | "Other", number>;

export interface LifecycleSeries {
  window: { from: string; to: string; step: ViewWindow["step"] };
  points: LifecyclePoint[];
}

export interface ColdStartPoint {
  t: string;
  coldStarts: number;
  invocations: number;
  coldStartRate: number | null;
  initP95Ms: number | null;
}

export interface ColdStartSeries {
  window: { from: string; to: string; step: ViewWindow["step"] };
  points: ColdStartPoint[];
  totals: { coldStarts: number; invocations: number; coldStartRate: number | null; initP95Ms: number | null };
}
