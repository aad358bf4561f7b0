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

type Better = MetricRow["better"];
/** [metric, label, unit, better, read] */
type Definition<F> = readonly [string, string, MetricUnit, Better, (figures: F) => number | null];

const SECTION_METRICS: Readonly<Record<string, readonly Definition<SectionFigures>[]>> = {
  inventory: [
    ["functions", "Functions", "count", null, (f) => f.inventory.functions],
    ["imageFunctions", "Image functions", "count", null, (f) => f.inventory.imageFunctions],
    ["imageShare", "Image share", "ratio", null, (f) => f.inventory.imageShare],
    ["created", "New functions", "count", null, (f) => f.inventory.created.count],
    ["changed", "Changed functions", "count", null, (f) => f.inventory.changed.count],
    ["deploys", "Deploys", "count", null, (f) => f.inventory.deploys],
    ["deleted", "Deleted functions", "count", null, (f) => f.inventory.deleted.count],
  ],
  lifecycle: [
    ["transitions", "State transitions", "count", "down", (f) => f.lifecycle.transitions],
    ["wentInactive", "Went Inactive", "count", "down", (f) => f.lifecycle.wentInactive.count],
    ["inactiveRecovered", "Recovered from Inactive", "count", "up", (f) => f.lifecycle.wentInactive.recovered],
    ["wentFailed", "Went Failed", "count", "down", (f) => f.lifecycle.wentFailed.count],
    ["failedRecovered", "Recovered from Failed", "count", "up", (f) => f.lifecycle.wentFailed.recovered],
  ],
  idleRisk: [["atRisk", "At idle risk next week", "count", "down", (f) => f.idleRisk.count]],
  coldStarts: [
    ["invocations", "Invocations", "count", null, (f) => f.coldStarts.invocations],
    ["coldStarts", "Cold starts", "count", "down", (f) => f.coldStarts.coldStarts],
    ["rate", "Cold-start rate", "ratio", "down", (f) => f.coldStarts.rate],
    ["initAvgMs", "Init duration avg", "ms", "down", (f) => f.coldStarts.initAvgMs],
    ["initP95Ms", "Init duration p95", "ms", "down", (f) => f.coldStarts.initP95Ms],
    ["regressions", "Cold-start regressions", "count", "down", (f) => f.coldStarts.topRegressions.count],
  ],
  images: [
    ["behindOnBase", "Behind on base image", "count", "down", (f) => f.images.behindOnBase.count],
    ["deprecatedRuntimes", "Deprecated runtimes", "count", "down", (f) => f.images.deprecatedRuntimes.count],
    ["criticalFindings", "With critical findings", "count", "down", (f) => f.images.criticalFindings.count],
    ["expiring", "Expiring by lifecycle rule", "count", "down", (f) => f.images.expiring?.count ?? null],
  ],
  alerts: [
    ["opened", "Alerts opened", "count", "down", (f) => f.alerts.opened],
    ["openedCritical", "Critical alerts opened", "count", "down", (f) => f.alerts.openedBySeverity.critical],
    ["resolved", "Alerts resolved", "count", "up", (f) => f.alerts.resolved],
    ["openAtEnd", "Alerts open at the end", "count", "down", (f) => f.alerts.openAtEnd],
    ["meanTimeToResolveMs", "Mean time to resolve", "ms", "down", (f) => f.alerts.meanTimeToResolveMs],
  ],
};

const COLLECTION_METRICS: readonly Definition<CollectionFigures>[] = [
  ["coverage", "Hours covered", "ratio", "up", (c) => c.coverage],
  ["runs", "Poll runs", "count", null, (c) => c.runs],
  ["calls", "API calls", "count", null, (c) => c.calls],
  ["throttles", "Throttled calls", "count", "down", (c) => c.throttles],
  ["errors", "Errors", "count", "down", (c) => c.errors],
  ["runsWithErrors", "Runs with errors", "count", "down", (c) => c.runsWithErrors],
];

function rows<F>(section: string, definitions: readonly Definition<F>[], current: F, previous: F | null): MetricRow[] {
  return definitions.map(([metric, label, unit, better, read]) => {
    const value = read(current);
    const before = previous === null ? null : read(previous);
    const delta = value === null || before === null ? null : value - before;
    return { section, metric, label, unit, better, value, previous: before, delta };
  });
}

/** Function-hours per observed state, for every state seen in either week. */
function stateHours(current: SectionFigures, previous: SectionFigures | null): Definition<SectionFigures>[] {
  const states = new Set([
    ...Object.keys(current.lifecycle.stateMs),
    ...Object.keys(previous?.lifecycle.stateMs ?? {}),
  ]);
  return [...states]
    .sort(compareStrings)
    .map((state) => [
      `hours.${state}`,
      `Function-hours ${state}`,
      "hours",
      null,
      (f) => (f.lifecycle.stateMs[state] ?? 0) / HOUR_MS,
    ]);
}

/** The section's headline numbers against the previous week's (null when there is no previous report). */
export function sectionMetrics(current: SectionFigures, previous: SectionFigures | null): MetricRow[] {
  return Object.entries(SECTION_METRICS).flatMap(([section, definitions]) =>
    rows(
      section,
      section === "lifecycle" ? [...definitions, ...stateHours(current, previous)] : definitions,
      current,
      previous,
    ),
  );
}

export function collectionMetrics(current: CollectionFigures, previous: CollectionFigures | null): MetricRow[] {
  return rows("collection", COLLECTION_METRICS, current, previous);
}
