import { type BucketAggregate, mean, percentile } from "@/lib/analysis/stats";
import { HOUR_MS } from "@/lib/analysis/time";
import type { InsightsRow, LogEvent } from "@/lib/aws/logs";
import { floorTo } from "./time-windows";

/**
 * Cold starts per log group and hour, exactly as the collector asks Logs Insights: text REPORT
 * lines carry `Init Duration` (discovered as @initDuration), JSON `platform.report` records carry
 * `record.metrics.initDurationMs`.
 */
export const COLD_START_STATS_QUERY = `fields @timestamp, @log, coalesce(@initDuration, \`record.metrics.initDurationMs\`) as initMs
| filter ispresent(initMs)
| stats count(*) as coldStarts, avg(initMs) as initAvg, pct(initMs, 95) as initP95, max(initMs) as initMax by bin(1h), @log`;

/** For FilterLogEvents: either form of a cold start (`?` ORs the terms). */
export const COLD_START_FILTER_PATTERN = '?"Init Duration" ?"initDurationMs"';

/** Log group → hour start (ms) → aggregate. */
export type ColdStartAggregates = Map<string, Map<number, BucketAggregate>>;

/** `@log` is "<account>:<log group>" on AWS; some endpoints send the bare name. */
function logGroupOf(value: string): string {
  return value.replace(/^\d{12}:/, "");
}

/** Insights prints times as "2026-11-30 10:00:00.000" in UTC. */
export function parseInsightsTime(value: string): Date {
  const iso = value.includes("T") ? value : value.replace(" ", "T");
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`);
}

const numberOrNull = (value: string | undefined) => {
  if (value === undefined || value === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** Whether the endpoint ran the `stats` stage: one that ignores it answers raw events instead. */
export function isAggregated(rows: readonly InsightsRow[]): boolean {
  return rows.every((row) => "coldStarts" in row);
}

export function aggregatesFromInsights(rows: readonly InsightsRow[]): ColdStartAggregates {
  const aggregates: ColdStartAggregates = new Map();
  for (const row of rows) {
    const group = row["@log"];
    const bin = row["bin(1h)"];
    const count = numberOrNull(row.coldStarts);
    if (!group || !bin || count === null) continue;
    const hour = floorTo(parseInsightsTime(bin), HOUR_MS).getTime();
    const byHour = aggregates.get(logGroupOf(group)) ?? new Map<number, BucketAggregate>();
    byHour.set(hour, {
      count,
      avg: numberOrNull(row.initAvg),
      p95: numberOrNull(row.initP95),
      max: numberOrNull(row.initMax),
    });
    aggregates.set(logGroupOf(group), byHour);
  }
  return aggregates;
}

const TEXT_INIT = /Init Duration: ([\d.]+) ms/;

/** The init duration of a cold-start log line in either format, or null for any other line. */
export function initDurationOf(message: string): number | null {
  const text = TEXT_INIT.exec(message);
  if (text) return numberOrNull(text[1]);
  if (!message.trimStart().startsWith("{")) return null;
  try {
    const record = JSON.parse(message) as { type?: unknown; record?: { metrics?: { initDurationMs?: unknown } } };
    const ms = record.record?.metrics?.initDurationMs;
    return record.type === "platform.report" && typeof ms === "number" ? ms : null;
  } catch {
    return null;
  }
}

/** The same per-hour aggregates as the Insights query, computed from raw events. */
export function aggregatesFromEvents(events: readonly LogEvent[]): Map<number, BucketAggregate> {
  const durations = new Map<number, number[]>();
  for (const event of events) {
    const ms = initDurationOf(event.message);
    if (ms === null) continue;
    const hour = floorTo(event.timestamp, HOUR_MS).getTime();
    const known = durations.get(hour);
    if (known) known.push(ms);
    else durations.set(hour, [ms]);
  }
  return new Map(
    [...durations].map(([hour, values]) => [
      hour,
      {
        count: values.length,
        avg: mean(values),
        p95: percentile(values, 95),
        max: values.reduce((a, b) => Math.max(a, b)),
      },
    ]),
  );
}
