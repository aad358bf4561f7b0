import type { FunctionPage, FunctionRow } from "@/lib/contracts/functions";
import { openAlertsByFunction } from "./alerts";
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { type IdleThresholds, idleStatus } from "@/lib/analysis/idle";
import type { AccountScope } from "@/lib/analysis/scope";
import { coldStartRate } from "@/lib/analysis/stats";
import { resolveTimeRange, type ViewWindow } from "@/lib/analysis/time-window";
import { appConfig } from "@/lib/config/load";
import type { FunctionSort, FunctionsFilter, FunctionsQuery } from "@/lib/contracts/functions-query";
import { type Db, db as defaultDb } from "../client";
import { type FunctionFilter, functionConditions } from "./function-filter";
import { imageRef } from "./image-ref";
import { initP95ByFunction, metricsOf, totalsByFunction } from "./metric-aggregates";
import { toIso, toNumber, whereAll } from "./sql";

export interface ReadOptions {
  db?: Db;
  now?: Date;
  thresholds?: IdleThresholds;
  /** What the user may see; null (the default) is everything. */
  scope?: AccountScope;
}

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

/** Sorting by a metric joins the window's aggregates for every filtered function; other sorts never touch buckets. */
function metricJoins(sort: FunctionSort, window: ViewWindow): Prisma.Sql {
  if (sort === "coldStarts" || sort === "coldStartRate") {
    return Prisma.sql`LEFT JOIN (${totalsByFunction(window)}) m ON m."functionId" = f."id"`;
  }
  if (sort === "initP95") return Prisma.sql`LEFT JOIN (${initP95ByFunction(window)}) p ON p."functionId" = f."id"`;
  return Prisma.empty;
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
};

async function selectPage(
  db: Db,
  filter: FunctionsFilter & FunctionFilter,
  window: ViewWindow,
  now: Date,
  limit: number,
  offset: number,
): Promise<FunctionRecord[]> {
  const direction = Prisma.raw(filter.dir === "desc" ? "DESC" : "ASC");
  return db.$queryRaw<FunctionRecord[]>`
    SELECT f."id", f."accountId", a."name" AS "accountName", f."region", f."name", f."packageType", f."runtime",
      f."state", f."stateReasonCode", f."stateReason", f."team", f."imageUri", f."imageDigest",
      (SELECT MIN(i."pushedAt") FROM "Image" i WHERE i."digest" = f."imageDigest") AS "imagePushedAt",
      f."architecture", f."memoryMb", f."lastInvokedAt", f."firstSeenAt", f."deletedAt"
    FROM "Function" f
    JOIN "Account" a ON a."id" = f."accountId"
    ${metricJoins(filter.sort, window)}
    ${whereAll(functionConditions(filter, now))}
    ORDER BY ${SORT_COLUMNS[filter.sort]} ${direction} NULLS LAST, f."id" ASC
    LIMIT ${limit} OFFSET ${offset}`;
}

async function toRows(db: Db, records: FunctionRecord[], window: ViewWindow, options: Required<ReadOptions>) {
  const metrics = await metricsOf(
    db,
    records.map((r) => r.id),
    window,
  );
  return records.map((r): FunctionRow => {
    const idle = idleStatus({
      lastInvokedAt: r.lastInvokedAt,
      firstSeenAt: r.firstSeenAt,
      now: options.now,
      ...options.thresholds,
    });
    const m = metrics.get(r.id) ?? { coldStarts: 0, invocations: 0, initP95: null };
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
      coldStarts: m.coldStarts,
      invocations: m.invocations,
      coldStartRate: coldStartRate(m.coldStarts, m.invocations),
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
  const window = resolveTimeRange(query, o.now);
  const filter = { ...query, scope: o.scope };
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
  };
}

const EXPORT_BATCH = 500;

/** Every row matching the filter, in the table's order, a batch at a time (for streaming exports). */
export async function* allFunctions(filter: FunctionsFilter, options: ReadOptions = {}): AsyncGenerator<FunctionRow[]> {
  const o = withDefaults(options);
  const window = resolveTimeRange(filter, o.now);
  for (let offset = 0; ; offset += EXPORT_BATCH) {
    const records = await selectPage(o.db, { ...filter, scope: o.scope }, window, o.now, EXPORT_BATCH, offset);
    if (records.length > 0) yield await toRows(o.db, records, window, o);
    if (records.length < EXPORT_BATCH) return;
  }
}
