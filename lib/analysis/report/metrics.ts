import { compareStrings } from "../compare";
import { HOUR_MS } from "../time";
import type { CollectionFigures, SectionFigures } from "./types";

export type MetricUnit = "count" | "ratio" | "ms" | "hours";

/** One number of a report next to the same number a week earlier: the tidy form pages, CSV and digests share. */
export interface MetricRow {
  section: string;
  metric: string;
  label: string;
  unit: MetricUnit;
  /** Which direction is good news; null when neither is. */
  better: "up" | "down" | null;
  value: number | null;
  previous: number | null;
  /** value − previous; null when either is missing. */
  delta: number | null;
}

interface Definition<F> {
  section: string;
  metric: string;
  label: string;
  unit: MetricUnit;
  better: MetricRow["better"];
  read: (figures: F) => number | null;
}

const SECTION_METRICS: readonly Definition<SectionFigures>[] = [
  {
    section: "inventory",
    metric: "functions",
    label: "Functions",
    unit: "count",
    better: null,
    read: (f) => f.inventory.functions,
  },
  {
    section: "inventory",
    metric: "imageFunctions",
    label: "Image functions",
    unit: "count",
    better: null,
    read: (f) => f.inventory.imageFunctions,
  },
  {
    section: "inventory",
    metric: "imageShare",
    label: "Image share",
    unit: "ratio",
    better: null,
    read: (f) => f.inventory.imageShare,
  },
  {
    section: "inventory",
    metric: "created",
    label: "New functions",
    unit: "count",
    better: null,
    read: (f) => f.inventory.created.count,
  },
  {
    section: "inventory",
    metric: "changed",
    label: "Changed functions",
    unit: "count",
    better: null,
    read: (f) => f.inventory.changed.count,
  },
  {
    section: "inventory",
    metric: "deploys",
    label: "Deploys",
    unit: "count",
    better: null,
    read: (f) => f.inventory.deploys,
  },
  {
    section: "inventory",
    metric: "deleted",
    label: "Deleted functions",
    unit: "count",
    better: null,
    read: (f) => f.inventory.deleted.count,
  },
  {
    section: "lifecycle",
    metric: "transitions",
    label: "State transitions",
    unit: "count",
    better: "down",
    read: (f) => f.lifecycle.transitions,
  },
  {
    section: "lifecycle",
    metric: "wentInactive",
    label: "Went Inactive",
    unit: "count",
    better: "down",
    read: (f) => f.lifecycle.wentInactive.count,
  },
  {
    section: "lifecycle",
    metric: "inactiveRecovered",
    label: "Recovered from Inactive",
    unit: "count",
    better: "up",
    read: (f) => f.lifecycle.wentInactive.recovered,
  },
  {
    section: "lifecycle",
    metric: "wentFailed",
    label: "Went Failed",
    unit: "count",
    better: "down",
    read: (f) => f.lifecycle.wentFailed.count,
  },
  {
    section: "lifecycle",
    metric: "failedRecovered",
    label: "Recovered from Failed",
    unit: "count",
    better: "up",
    read: (f) => f.lifecycle.wentFailed.recovered,
  },
  {
    section: "idleRisk",
    metric: "atRisk",
    label: "At idle risk next week",
    unit: "count",
    better: "down",
    read: (f) => f.idleRisk.count,
  },
  {
    section: "coldStarts",
    metric: "invocations",
    label: "Invocations",
    unit: "count",
    better: null,
    read: (f) => f.coldStarts.invocations,
  },
  {
    section: "coldStarts",
    metric: "coldStarts",
    label: "Cold starts",
    unit: "count",
    better: "down",
    read: (f) => f.coldStarts.coldStarts,
  },
  {
    section: "coldStarts",
    metric: "rate",
    label: "Cold-start rate",
    unit: "ratio",
    better: "down",
    read: (f) => f.coldStarts.rate,
  },
  {
    section: "coldStarts",
    metric: "initAvgMs",
    label: "Init duration avg",
    unit: "ms",
    better: "down",
    read: (f) => f.coldStarts.initAvgMs,
  },
  {
    section: "coldStarts",
    metric: "initP95Ms",
    label: "Init duration p95",
    unit: "ms",
    better: "down",
    read: (f) => f.coldStarts.initP95Ms,
  },
  {
    section: "coldStarts",
    metric: "regressions",
    label: "Cold-start regressions",
    unit: "count",
    better: "down",
    read: (f) => f.coldStarts.topRegressions.count,
  },
  {
    section: "images",
    metric: "behindOnBase",
    label: "Behind on base image",
    unit: "count",
    better: "down",
    read: (f) => f.images.behindOnBase.count,
  },
  {
    section: "images",
    metric: "deprecatedRuntimes",
    label: "Deprecated runtimes",
    unit: "count",
    better: "down",
    read: (f) => f.images.deprecatedRuntimes.count,
  },
  {
    section: "images",
    metric: "criticalFindings",
    label: "With critical findings",
    unit: "count",
    better: "down",
    read: (f) => f.images.criticalFindings.count,
  },
  {
    section: "alerts",
    metric: "opened",
    label: "Alerts opened",
    unit: "count",
    better: "down",
    read: (f) => f.alerts.opened,
  },
  {
    section: "alerts",
    metric: "openedCritical",
    label: "Critical alerts opened",
    unit: "count",
    better: "down",
    read: (f) => f.alerts.openedBySeverity.critical,
  },
  {
    section: "alerts",
    metric: "resolved",
    label: "Alerts resolved",
    unit: "count",
    better: "up",
    read: (f) => f.alerts.resolved,
  },
  {
    section: "alerts",
    metric: "openAtEnd",
    label: "Alerts open at the end",
    unit: "count",
    better: "down",
    read: (f) => f.alerts.openAtEnd,
  },
  {
    section: "alerts",
    metric: "meanTimeToResolveMs",
    label: "Mean time to resolve",
    unit: "ms",
    better: "down",
    read: (f) => f.alerts.meanTimeToResolveMs,
  },
];

const COLLECTION_METRICS: readonly Definition<CollectionFigures>[] = [
  {
    section: "collection",
    metric: "coverage",
    label: "Hours covered",
    unit: "ratio",
    better: "up",
    read: (c) => c.coverage,
  },
  { section: "collection", metric: "runs", label: "Poll runs", unit: "count", better: null, read: (c) => c.runs },
  { section: "collection", metric: "calls", label: "API calls", unit: "count", better: null, read: (c) => c.calls },
  {
    section: "collection",
    metric: "throttles",
    label: "Throttled calls",
    unit: "count",
    better: "down",
    read: (c) => c.throttles,
  },
  { section: "collection", metric: "errors", label: "Errors", unit: "count", better: "down", read: (c) => c.errors },
  {
    section: "collection",
    metric: "runsWithErrors",
    label: "Runs with errors",
    unit: "count",
    better: "down",
    read: (c) => c.runsWithErrors,
  },
];

function row<F>(definition: Definition<F>, current: F, previous: F | null): MetricRow {
  const { read, ...named } = definition;
  const value = read(current);
  const before = previous === null ? null : read(previous);
  return { ...named, value, previous: before, delta: value === null || before === null ? null : value - before };
}

/** Function-hours per observed state, for every state seen in either week. */
function stateHourDefinitions(current: SectionFigures, previous: SectionFigures | null): Definition<SectionFigures>[] {
  const states = new Set([
    ...Object.keys(current.lifecycle.stateMs),
    ...Object.keys(previous?.lifecycle.stateMs ?? {}),
  ]);
  return [...states].sort(compareStrings).map((state) => ({
    section: "lifecycle",
    metric: `hours.${state}`,
    label: `Function-hours ${state}`,
    unit: "hours",
    better: null,
    read: (f) => (f.lifecycle.stateMs[state] ?? 0) / HOUR_MS,
  }));
}

/** The section's headline numbers against the previous week's (null when there is no previous report). */
export function sectionMetrics(current: SectionFigures, previous: SectionFigures | null): MetricRow[] {
  return [...SECTION_METRICS, ...stateHourDefinitions(current, previous)].map((d) => row(d, current, previous));
}

export function collectionMetrics(current: CollectionFigures, previous: CollectionFigures | null): MetricRow[] {
  return COLLECTION_METRICS.map((d) => row(d, current, previous));
}
