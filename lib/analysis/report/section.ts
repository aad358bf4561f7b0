import { compareStrings, sumByKey } from "../compare";
import { coldStartRate, mean, mergeBuckets } from "../stats";
import type { FunctionWeek, ReportWindow } from "./function-week";
import type { AlertFigures, LifecycleEvent, ListFigure, ReportAlert, SectionFigures } from "./types";

/** What the previous week's report said about the same section; zeros for a team it did not have. */
export interface InventoryBaseline {
  functions: number;
  imageFunctions: number;
  imageShare: number | null;
}

function list<T>(items: readonly T[], limit: number): ListFigure<T> {
  return { count: items.length, items: items.slice(0, limit) };
}

function present<T>(values: readonly (T | null)[]): T[] {
  return values.filter((value): value is T => value !== null);
}

function sorted<T>(items: T[], ...keys: ((item: T) => number | string)[]): T[] {
  return items.sort((a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      const order = typeof x === "number" && typeof y === "number" ? x - y : compareStrings(String(x), String(y));
      if (order !== 0) return order;
    }
    return 0;
  });
}

function lifecycleList(events: LifecycleEvent[], limit: number): ListFigure<LifecycleEvent> & { recovered: number } {
  const ordered = sorted(
    events,
    (e) => e.at,
    (e) => e.function.id,
  );
  return { ...list(ordered, limit), recovered: events.filter((e) => e.recoveredAt !== null).length };
}

function alertFigures(alerts: readonly ReportAlert[], window: ReportWindow): AlertFigures {
  const { start, asOf } = window;
  const inWindow = (at: Date | null) => at !== null && at >= start && at < asOf;
  const opened = alerts.filter((a) => inWindow(a.openedAt));
  const resolved = alerts.filter((a) => inWindow(a.resolvedAt));
  const bySeverity = (severity: string) => opened.filter((a) => a.severity === severity).length;
  return {
    opened: opened.length,
    openedBySeverity: { critical: bySeverity("critical"), warning: bySeverity("warning"), info: bySeverity("info") },
    resolved: resolved.length,
    openAtEnd: alerts.filter((a) => a.openedAt < asOf && (a.resolvedAt === null || a.resolvedAt >= asOf)).length,
    meanTimeToResolveMs: mean(resolved.map((a) => a.resolvedAt!.getTime() - a.openedAt.getTime())),
  };
}

/** Sums function weeks (sorted by id, so lists and float sums are stable) into one section. */
export function sectionFigures(
  weeks: readonly FunctionWeek[],
  alerts: readonly ReportAlert[],
  window: ReportWindow,
  baseline: InventoryBaseline | null,
  limit: number,
): SectionFigures {
  const atEnd = weeks.filter((w) => w.existsAtEnd);
  const functions = atEnd.length;
  const imageFunctions = atEnd.filter((w) => w.isImage).length;
  const imageShare = functions > 0 ? imageFunctions / functions : null;
  const buckets = weeks.flatMap((w) => w.initBuckets);
  const merged = mergeBuckets(buckets);
  const invocations = weeks.reduce((sum, w) => sum + w.invocations, 0);
  const coldStarts = weeks.reduce((sum, w) => sum + w.coldStarts, 0);

  return {
    inventory: {
      functions,
      imageFunctions,
      imageShare,
      functionsDelta: baseline === null ? null : functions - baseline.functions,
      imageFunctionsDelta: baseline === null ? null : imageFunctions - baseline.imageFunctions,
      imageShareDelta:
        imageShare === null || baseline === null || baseline.imageShare === null
          ? null
          : imageShare - baseline.imageShare,
      created: list(
        weeks.filter((w) => w.created).map((w) => w.ref),
        limit,
      ),
      firstCollection: weeks.filter((w) => w.imported).length,
      statesAtEnd: sumByKey(
        weeks.flatMap((w) => (w.stateAtEnd === null ? [] : [[w.stateAtEnd, 1] as [string, number]])),
      ),
      changed: list(
        weeks.filter((w) => !w.created && w.deploys > 0).map((w) => ({ ...w.ref, deploys: w.deploys })),
        limit,
      ),
      deploys: weeks.reduce((sum, w) => sum + w.deploys, 0),
      deleted: list(
        weeks.filter((w) => w.deleted).map((w) => w.ref),
        limit,
      ),
    },
    lifecycle: {
      stateMs: sumByKey(weeks.flatMap((w) => Object.entries(w.stateMs))),
      transitions: weeks.reduce((sum, w) => sum + w.transitions, 0),
      wentInactive: lifecycleList(present(weeks.map((w) => w.wentInactive)), limit),
      wentFailed: lifecycleList(present(weeks.map((w) => w.wentFailed)), limit),
    },
    idleRisk: list(
      sorted(
        present(weeks.map((w) => w.idleRisk)),
        // Past the threshold (no date) first, then soonest.
        (e) => e.predictedInactiveAt ?? "",
        (e) => e.function.id,
      ),
      limit,
    ),
    coldStarts: {
      invocations,
      coldStarts,
      rate: coldStartRate(coldStarts, invocations),
      initAvgMs: merged.avg,
      initP95Ms: merged.p95,
      topRegressions: list(
        sorted(
          present(weeks.map((w) => w.regression)),
          (r) => -r.strength,
          (r) => r.entry.function.id,
        ).map((r) => r.entry),
        limit,
      ),
      daily: window.days.map((day, index) => ({
        date: day.date,
        invocations: weeks.reduce((sum, w) => sum + w.daily[index]!.invocations, 0),
        coldStarts: weeks.reduce((sum, w) => sum + w.daily[index]!.coldStarts, 0),
      })),
    },
    images: {
      behindOnBase: list(
        sorted(
          present(weeks.map((w) => w.behind)),
          (e) => -e.releasesBehind,
          (e) => e.function.id,
        ),
        limit,
      ),
      deprecatedRuntimes: list(
        sorted(
          present(weeks.map((w) => w.deprecatedRuntime)),
          (e) => e.deprecatedOn,
          (e) => e.function.id,
        ),
        limit,
      ),
      criticalFindings: list(
        sorted(
          present(weeks.map((w) => w.criticalFindings)),
          (e) => -e.critical,
          (e) => e.function.id,
        ),
        limit,
      ),
      expiring: list(
        sorted(
          present(weeks.map((w) => w.expiring)),
          (e) => e.urgency,
          (e) => e.function.id,
        ),
        limit,
      ),
      oldest: list(
        sorted(
          present(weeks.map((w) => w.image)),
          (e) => e.pushedAt,
          (e) => e.function.id,
        ),
        limit,
      ),
    },
    alerts: alertFigures(alerts, window),
  };
}
