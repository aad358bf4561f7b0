import type { FunctionPage, FunctionRow } from "@/lib/contracts/functions";
import { openAlertsByFunction } from "./alerts";
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { windowCoverage, withinHeld } from "@/lib/analysis/coverage";
import { type IdleThresholds, idleStatus } from "@/lib/analysis/idle";
import type { AccountScope } from "@/lib/analysis/scope";
import { coldStartRate } from "@/lib/analysis/stats";
import {
  type RangePreset,
  resolveTimeRange,
  stepMs,
  type TimeRangeQuery,
  type ViewWindow,
} from "@/lib/analysis/time-window";
import { appConfig } from "@/lib/config/load";
import type { FunctionSort, FunctionsFilter, FunctionsQuery } from "@/lib/contracts/functions-query";
import { type Db, db as defaultDb } from "../client";
import { collectedSpans, invocationHistoryFrom } from "./coverage";
import { type FunctionFilter, functionConditions } from "./function-filter";
import { imageRef } from "./image-ref";
import { type FunctionMetrics, initP95ByFunction, metricsOf, totalsByFunction } from "./metric-aggregates";
import { type MetricWindow, metricWindow } from "./metric-resolution";
import { freshFunctionRollups, presetOf, rolledUpMetricsOf, rollupJoin } from "./rollups";
import { toDate, toIso, toNumber, whereAll } from "./sql";
import { statesSince } from "./state-since";

export interface ReadOptions {
  db?: Db;
  now?: Date;
  thresholds?: IdleThresholds;
  /** What the user may see; null (the default) is everything. */
  scope?: AccountScope;
}

type MetricSort = Extract<FunctionSort, "coldStarts" | "coldStartRate" | "initP95">;
const isMetricSort = (sort: FunctionSort): sort is MetricSort =>
  sort === "coldStarts" || sort === "coldStartRate" || sort === "initP95";

/** A preset window's metrics sort on the joined roll-up row `r`; a custom window's on its bucket aggregates. */
const ROLLUP_SORT_COLUMNS: Record<MetricSort, Prisma.Sql> = {
  // Without a bucket in the window the count is unknown, not zero: it sorts last either way.
  coldStarts: Prisma.sql`CASE WHEN r."coverageFrom" IS NOT NULL THEN r."coldStarts" END`,
  coldStartRate: Prisma.sql`r."coldStartRate"`,
  initP95: Prisma.sql`r."initP95"`,
};

const SORT_COLUMNS: Record<FunctionSort, Prisma.Sql> = {
  name: Prisma.sql`f."name"`,
  packageType: Prisma.sql`f."packageType"`,
  state: Prisma.sql`f."state"`,
  account: Prisma.sql`a."name"`,
  region: Prisma.sql`f."region"`,
  team: Prisma.sql`f."team"`,
  architecture: Prisma.sql`f."architecture"`,
  memory: Prisma.sql`f."memoryMb"`,
  lastInvoked: Prisma.sql`f."lastInvokedAt"`,
  coldStarts: Prisma.sql`m."coldStarts"`,
  coldStartRate: Prisma.sql`(m."coldStarts" * 1.0 / NULLIF(m."invocations", 0))`,
  initP95: Prisma.sql`p."initP95"`,
  imagePushedAt: Prisma.sql`"imagePushedAt"`,
};

/**
 * Sorting by a metric joins, for every filtered function, its preset window's roll-up row or a
 * custom window's bucket aggregates; other sorts never touch either.
 */
function metricJoins(sort: FunctionSort, window: Window): Prisma.Sql {
  if (!isMetricSort(sort)) return Prisma.empty;
  if (window.preset) return rollupJoin(window.preset);
  const parts = window.read.parts;
  if (sort === "coldStarts" || sort === "coldStartRate") {
    return Prisma.sql`LEFT JOIN (${totalsByFunction(parts)}) m ON m."functionId" = f."id"`;
  }
  return Prisma.sql`LEFT JOIN (${initP95ByFunction(parts)}) p ON p."functionId" = f."id"`;
}

function sortColumn(sort: FunctionSort, window: Window): Prisma.Sql {
  return window.preset && isMetricSort(sort) ? ROLLUP_SORT_COLUMNS[sort] : SORT_COLUMNS[sort];
}

/**
 * The window asked for, and its preset when it is one. Preset windows read roll-ups; custom ones
 * read buckets, daily ones stitched in where hourly retention ended (`read`, whose coverage also
 * bounds what either knows).
 */
export type Window = ViewWindow & { preset: RangePreset | null; read: MetricWindow };

export async function windowOf(db: Db, query: TimeRangeQuery, now: Date): Promise<Window> {
  const window = resolveTimeRange(query, now);
  const preset = presetOf(query);
  return { ...window, preset, read: await metricWindow(db, window) };
}

/** A row as the page query returns it: the table's own columns, timestamps and numbers still raw. */
type FunctionRecord = Pick<
  FunctionRow,
  | "id"
  | "accountId"
  | "accountName"
  | "region"
  | "name"
  | "packageType"
  | "runtime"
  | "state"
  | "stateReasonCode"
  | "stateReason"
  | "team"
  | "imageUri"
  | "imageDigest"
  | "architecture"
> & {
  imagePushedAt: Date | string | null;
  memoryMb: unknown;
  lastInvokedAt: Date | null;
  firstSeenAt: Date;
  deletedAt: Date | null;
  lastUpdateStatus: string | null;
  lastModified: Date | string;
  metricsThrough: Date | string | null;
  coldStartsThrough: Date | string | null;
};

/** The SQL of one page of the table (exported for the query-plan tests). */
export function pageQuery(
  filter: FunctionsFilter & FunctionFilter,
  window: Window,
  now: Date,
  limit: number,
  offset: number,
): Prisma.Sql {
  const direction = Prisma.raw(filter.dir === "desc" ? "DESC" : "ASC");
  return Prisma.sql`
    SELECT f."id", f."accountId", a."name" AS "accountName", f."region", f."name", f."packageType", f."runtime",
      f."state", f."stateReasonCode", f."stateReason", f."team", f."imageUri", f."imageDigest",
      (SELECT MIN(i."pushedAt") FROM "Image" i WHERE i."digest" = f."imageDigest") AS "imagePushedAt",
      f."architecture", f."memoryMb", f."lastInvokedAt", f."firstSeenAt", f."deletedAt",
      f."lastUpdateStatus", f."lastModified", f."metricsThrough", f."coldStartsThrough"
    FROM "Function" f
    JOIN "Account" a ON a."id" = f."accountId"
    ${metricJoins(filter.sort, window)}
    ${whereAll(functionConditions(filter, now))}
    ORDER BY ${sortColumn(filter.sort, window)} ${direction} NULLS LAST, f."id" ASC
    LIMIT ${limit} OFFSET ${offset}`;
}

async function selectPage(
  db: Db,
  filter: FunctionsFilter & FunctionFilter,
  window: Window,
  now: Date,
  limit: number,
  offset: number,
): Promise<FunctionRecord[]> {
  return db.$queryRaw<FunctionRecord[]>(pageQuery(filter, window, now, limit, offset));
}

async function metricsOfPage(db: Db, ids: string[], window: Window): Promise<Map<string, FunctionMetrics>> {
  return window.preset ? rolledUpMetricsOf(db, ids, window.preset) : metricsOf(db, ids, window.read.parts);
}

async function toRows(db: Db, records: FunctionRecord[], window: Window, options: Required<ReadOptions>) {
  const facts = records.map((r) => ({
    id: r.id,
    state: r.state,
    firstSeenAt: toDate(r.firstSeenAt)!,
    lastUpdateStatus: r.lastUpdateStatus,
    lastModified: toDate(r.lastModified)!,
    metricsThrough: toDate(r.metricsThrough),
    coldStartsThrough: toDate(r.coldStartsThrough),
  }));
  const [metrics, spans, since] = await Promise.all([
    metricsOfPage(
      db,
      records.map((r) => r.id),
      window,
    ),
    collectedSpans(db, facts),
    statesSince(db, facts),
  ]);
  const stepSize = stepMs(window.step);
  // Retention may have dropped a custom window's oldest buckets (past the daily roll-ups' reach).
  const heldFrom = window.read.coverage.from;
  return records.map((r, i): FunctionRow => {
    const stateSince = since.get(r.id);
    const idle = idleStatus({
      lastInvokedAt: r.lastInvokedAt,
      firstSeenAt: invocationHistoryFrom(facts[i]!),
      now: options.now,
      state: r.state,
      stateSince: stateSince?.at ?? null,
      ...options.thresholds,
    });
    const span = spans.get(r.id);
    const coverage = {
      metrics: withinHeld(windowCoverage(span?.metrics ?? null, window, stepSize), heldFrom),
      coldStarts: withinHeld(windowCoverage(span?.coldStarts ?? null, window, stepSize), heldFrom),
    };
    const m = metrics.get(r.id) ?? { coldStarts: 0, invocations: 0, initP95: null };
    const coldStarts = coverage.coldStarts.from === null ? null : m.coldStarts;
    const invocations = coverage.metrics.from === null ? null : m.invocations;
    const ref = imageRef(r.imageUri);
    return {
      id: r.id,
      accountId: r.accountId,
      accountName: r.accountName,
      region: r.region,
      name: r.name,
      packageType: r.packageType,
      runtime: r.runtime,
      state: r.state,
      stateReasonCode: r.stateReasonCode,
      stateReason: r.stateReason,
      team: r.team,
      imageUri: r.imageUri,
      imageRepository: ref?.repository ?? null,
      imageTag: ref?.tag ?? null,
      imageDigest: r.imageDigest,
      imagePushedAt: toIso(r.imagePushedAt),
      architecture: r.architecture,
      memoryMb: toNumber(r.memoryMb),
      lastInvokedAt: toIso(r.lastInvokedAt),
      idleDays: idle.idleDays,
      idleSinceUnknown: idle.idleSinceUnknown,
      idleLevel: idle.level,
      inactiveSince: toIso(idle.inactiveSince),
      inactiveSinceAtLeast: stateSince?.atLeast ?? false,
      failed: idle.failed,
      coverage,
      coldStarts,
      invocations,
      coldStartRate: coldStarts === null || invocations === null ? null : coldStartRate(coldStarts, invocations),
      initP95Ms: m.initP95,
      deletedAt: toIso(r.deletedAt),
    };
  });
}

function withDefaults(options: ReadOptions): Required<ReadOptions> {
  return {
    db: options.db ?? defaultDb,
    now: options.now ?? new Date(),
    thresholds: options.thresholds ?? appConfig().config.idle,
    scope: options.scope ?? null,
  };
}

/** One page of the fleet table: filtered, sorted and paged in SQL, metrics aggregated for that page only. */
export async function functionsPage(query: FunctionsQuery, options: ReadOptions = {}): Promise<FunctionPage> {
  const o = withDefaults(options);
  const window = await windowOf(o.db, query, o.now);
  const filter = { ...query, scope: o.scope };
  const rollup = window.preset ? await freshFunctionRollups(o.db, filter, window.preset, o.now) : null;
  const [records, count] = await Promise.all([
    selectPage(o.db, filter, window, o.now, query.pageSize, (query.page - 1) * query.pageSize),
    o.db.$queryRaw<
      { n: unknown }[]
    >`SELECT COUNT(*) AS "n" FROM "Function" f ${whereAll(functionConditions(filter, o.now))}`,
  ]);
  const rows = await toRows(o.db, records, window, o);
  const alerts = await openAlertsByFunction(
    rows.map((r) => r.id),
    o.db,
  );
  return {
    rows: rows.map((row) => ({ ...row, alerts: alerts[row.id] })),
    total: toNumber(count[0]?.n),
    page: query.page,
    pageSize: query.pageSize,
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
    rollup,
  };
}

const EXPORT_BATCH = 500;

/** Every row matching the filter, in the table's order, a batch at a time (for streaming exports). */
export async function* allFunctions(filter: FunctionsFilter, options: ReadOptions = {}): AsyncGenerator<FunctionRow[]> {
  const o = withDefaults(options);
  const window = await windowOf(o.db, filter, o.now);
  if (window.preset) await freshFunctionRollups(o.db, { ...filter, scope: o.scope }, window.preset, o.now);
  for (let offset = 0; ; offset += EXPORT_BATCH) {
    const records = await selectPage(o.db, { ...filter, scope: o.scope }, window, o.now, EXPORT_BATCH, offset);
    if (records.length > 0) yield await toRows(o.db, records, window, o);
    if (records.length < EXPORT_BATCH) return;
  }
}
