import type { MetricRow, MetricUnit } from "@/lib/analysis/report/metrics";
import type { ReportFunctionRef, SectionFigures } from "@/lib/analysis/report/types";
import type { ReportView } from "./view";

type Cell = string | number | null;

/** The team column's value on the fleet's own and fleet-wide rows. */
export const FLEET_CSV_TEAM = "(fleet)";

export const CSV_COLUMNS = ["week", "team", "section", "metric", "unit", "value", "previous", "change"] as const;

function cell(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  // Quote what would break a row, and defuse cells a spreadsheet would run as formulas.
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const table = (header: readonly string[], rows: readonly Cell[][]) =>
  `${[header.join(","), ...rows.map((row) => row.map(cell).join(","))].join("\r\n")}\r\n`;

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

/** Rates as percent to one decimal, durations in whole ms, hours to one decimal, counts as they are. */
const PEOPLE: Record<MetricUnit, { unit: string; read: (value: number | null) => number | null }> = {
  ratio: { unit: "%", read: (value) => round(value === null ? null : value * 100, 1) },
  ms: { unit: "ms", read: (value) => round(value, 0) },
  hours: { unit: "h", read: (value) => round(value, 1) },
  count: { unit: "count", read: (value) => value },
};

function metricRows(week: string, rows: readonly MetricRow[], team: string): Cell[][] {
  return rows.map((r) => {
    const { unit, read } = PEOPLE[r.unit];
    return [week, team, r.section, r.metric, unit, read(r.value), read(r.previous), read(r.delta)];
  });
}

const FUNCTION_COLUMNS = ["function", "account", "region"] as const;
const fn = (ref: ReportFunctionRef): Cell[] => [ref.name, ref.accountId, ref.region];

interface ListSection {
  columns: readonly string[];
  rows: (figures: SectionFigures) => { function: ReportFunctionRef; cells: Cell[] }[];
}

/** One CSV per list a lead acts on, the same rows the report page lists (its top entries). */
const LIST_SECTIONS = {
  failed: {
    columns: ["went_failed_at", "episodes", "recovered_at"],
    rows: (f) =>
      f.lifecycle.wentFailed.items.map((e) => ({ function: e.function, cells: [e.at, e.episodes, e.recoveredAt] })),
  },
  inactive: {
    columns: ["went_inactive_at", "episodes", "recovered_at"],
    rows: (f) =>
      f.lifecycle.wentInactive.items.map((e) => ({ function: e.function, cells: [e.at, e.episodes, e.recoveredAt] })),
  },
  "idle-risk": {
    columns: ["idle_days", "idle_since_unknown", "predicted_inactive_at"],
    rows: (f) =>
      f.idleRisk.items.map((e) => ({
        function: e.function,
        cells: [round(e.idleDays, 1), e.idleSinceUnknown ? "yes" : "no", e.predictedInactiveAt],
      })),
  },
  "behind-base": {
    columns: ["runtime", "release", "newest", "releases_behind", "newer_available_since"],
    rows: (f) =>
      f.images.behindOnBase.items.map((e) => ({
        function: e.function,
        cells: [e.runtime, e.release, e.newest, e.releasesBehind, e.newerAvailableSince],
      })),
  },
  "deprecated-runtimes": {
    columns: ["runtime", "deprecated_on", "deprecated"],
    rows: (f) =>
      f.images.deprecatedRuntimes.items.map((e) => ({
        function: e.function,
        cells: [e.runtime, e.deprecatedOn, e.deprecated ? "yes" : "no"],
      })),
  },
  "critical-findings": {
    columns: ["digest", "critical", "high"],
    rows: (f) =>
      f.images.criticalFindings.items.map((e) => ({ function: e.function, cells: [e.digest, e.critical, e.high] })),
  },
  "old-images": {
    columns: ["digest", "pushed_at", "age_days"],
    rows: (f) =>
      f.images.oldest.items.map((e) => ({ function: e.function, cells: [e.digest, e.pushedAt, round(e.ageDays, 1)] })),
  },
  "cold-start-regressions": {
    columns: [
      "cold_start_rate_%",
      "baseline_rate_%",
      "rate_factor",
      "init_p95_ms",
      "baseline_init_p95_ms",
      "init_p95_factor",
    ],
    rows: (f) =>
      f.coldStarts.topRegressions.items.map((e) => ({
        function: e.function,
        cells: [
          round(e.rate === null ? null : e.rate * 100, 1),
          round(e.baselineRate === null ? null : e.baselineRate * 100, 1),
          round(e.rateFactor, 1),
          round(e.initP95Ms, 0),
          round(e.baselineInitP95Ms, 0),
          round(e.initP95Factor, 1),
        ],
      })),
  },
  "new-functions": {
    columns: [],
    rows: (f) => f.inventory.created.items.map((ref) => ({ function: ref, cells: [] })),
  },
  "deleted-functions": {
    columns: [],
    rows: (f) => f.inventory.deleted.items.map((ref) => ({ function: ref, cells: [] })),
  },
} satisfies Record<string, ListSection>;

export const REPORT_CSV_SECTIONS = [
  "metrics",
  ...(Object.keys(LIST_SECTIONS) as (keyof typeof LIST_SECTIONS)[]),
] as const;
export type ReportCsvSection = (typeof REPORT_CSV_SECTIONS)[number];

/**
 * One tidy table of every metric of the report, each row with its week and team (the fleet's own
 * and fleet-wide collection rows say "(fleet)"), values rounded as people read them.
 */
function metricsCsv(view: ReportView): string {
  const team = view.team ?? FLEET_CSV_TEAM;
  return table(CSV_COLUMNS, [
    ...metricRows(view.week, view.metrics, team),
    ...metricRows(view.week, view.collectionMetrics, FLEET_CSV_TEAM),
    ...view.teams.flatMap((t) => metricRows(view.week, t.metrics, t.team)),
  ]);
}

/** The report's CSV: its metrics (the default) or one of its lists, every row with week and team. */
export function reportCsv(view: ReportView, section: ReportCsvSection = "metrics"): string {
  if (section === "metrics") return metricsCsv(view);
  const list: ListSection = LIST_SECTIONS[section];
  return table(
    ["week", "team", ...FUNCTION_COLUMNS, ...list.columns],
    list.rows(view.figures).map((row) => [view.week, row.function.team, ...fn(row.function), ...row.cells]),
  );
}
