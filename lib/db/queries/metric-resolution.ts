import "server-only";
import type { Coverage } from "@/lib/analysis/coverage";
import { startOfUtcDay } from "@/lib/analysis/retention";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import type { ViewWindow } from "@/lib/analysis/time-window";
import type { Db } from "../client";

/** Bucket resolutions pages read: hourly where retention still keeps it, daily roll-ups before. */
export type ReadResolution = "1h" | "1d";

/** One part of a window read at one resolution: buckets starting in [from, to). */
export interface ResolutionPart {
  resolution: ReadResolution;
  from: Date;
  to: Date;
}

export interface MetricWindow {
  parts: ResolutionPart[];
  coverage: Coverage;
}

type Span = Pick<ViewWindow, "from" | "to">;

const edge = (db: Db, resolution: ReadResolution, order: "asc" | "desc") =>
  db.metricBucket
    .findFirst({ where: { resolution }, orderBy: { start: order }, select: { start: true } })
    .then((row) => row?.start ?? null);

/**
 * How to read a window's buckets: hourly from where retention still keeps them, daily before that
 * (hourly buckets older than `retention.hourlyDays` are gone, their days rolled up). The stitch
 * falls on a day boundary so no hour is counted twice: the daily row of the day hourly buckets
 * start in was rolled up while that day's hours were all there. Three index seeks, no scan.
 */
export async function metricWindow(db: Db, window: Span): Promise<MetricWindow> {
  const [firstHour, lastHour, firstDay, lastDay] = await Promise.all([
    edge(db, "1h", "asc"),
    edge(db, "1h", "desc"),
    edge(db, "1d", "asc"),
    edge(db, "1d", "desc"),
  ]);
  const stitch = stitchPoint(firstHour, firstDay);
  const parts = partsOf(window, stitch, firstHour === null && firstDay !== null);
  const heldFrom = firstDay ?? firstHour;
  const heldTo = lastHour
    ? new Date(lastHour.getTime() + HOUR_MS)
    : lastDay
      ? new Date(lastDay.getTime() + DAY_MS)
      : null;
  return { parts, coverage: coverageOf(window, parts, heldFrom, heldTo) };
}

function partsOf(window: Span, stitch: Date | null, onlyDaily: boolean): ResolutionPart[] {
  if (stitch === null) return [{ resolution: onlyDaily ? "1d" : "1h", from: window.from, to: window.to }];
  if (window.to <= stitch) return [{ resolution: "1d", from: window.from, to: window.to }];
  if (window.from >= stitch) return [{ resolution: "1h", from: window.from, to: window.to }];
  return [
    { resolution: "1d", from: window.from, to: stitch },
    { resolution: "1h", from: stitch, to: window.to },
  ];
}

/** Where daily reads hand over to hourly ones; null when only one resolution is held. */
function stitchPoint(firstHour: Date | null, firstDay: Date | null): Date | null {
  if (firstHour === null || firstDay === null) return null;
  // Daily rows start at or before the first hourly day (roll-ups begin there): hand over at the next midnight.
  const dayOfFirstHour = startOfUtcDay(firstHour);
  if (firstDay > dayOfFirstHour) return firstHour;
  return firstHour.getTime() === dayOfFirstHour.getTime() ? firstHour : new Date(dayOfFirstHour.getTime() + DAY_MS);
}

/**
 * The part of the window the read buckets cover. A daily part covers only whole days inside the
 * window (a day that starts before the window is left out); the hour in progress is partial by nature.
 */
function coverageOf(window: Span, parts: ResolutionPart[], heldFrom: Date | null, heldTo: Date | null): Coverage {
  if (heldFrom === null || heldTo === null || heldTo <= window.from || heldFrom >= window.to) {
    return { from: null, to: null, complete: false };
  }
  const first = parts[0]!;
  const readFrom =
    first.resolution === "1d" ? Math.ceil(first.from.getTime() / DAY_MS) * DAY_MS : window.from.getTime();
  const from = Math.max(readFrom, heldFrom.getTime());
  const to = Math.min(heldTo.getTime(), window.to.getTime());
  const lastHourStart = Math.floor((window.to.getTime() - 1) / HOUR_MS) * HOUR_MS;
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    complete: from <= window.from.getTime() && to >= lastHourStart,
  };
}
