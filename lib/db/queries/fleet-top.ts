import type { FleetTopLists } from "@/lib/contracts/fleet";
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { type IdleThresholds, idleStatus } from "@/lib/analysis/idle";
import type { AccountScope } from "@/lib/analysis/scope";
import { coldStartRate } from "@/lib/analysis/stats";
import { DAY_MS } from "@/lib/analysis/time";
import { resolveTimeRange } from "@/lib/analysis/time-window";
import { FunctionState, PackageType } from "@/lib/analysis/types";
import { appConfig } from "@/lib/config/load";
import type { FleetQuery } from "@/lib/contracts/fleet-query";
import { type Db, db as defaultDb } from "../client";
import { type FunctionFilter, functionConditions } from "./function-filter";
import { functionRefs } from "./function-ref";
import { imageRef } from "./image-ref";
import { totalsByFunction } from "./metric-aggregates";
import { freshFunctionRollups, presetOf } from "./rollups";
import { scopeWhere } from "./scope";
import { toIso, toNumber, whereAll } from "./sql";
import { statesSince } from "./state-since";

export const TOP_LIST_LENGTH = 8;

type Options = { db?: Db; now?: Date; thresholds?: IdleThresholds; scope?: AccountScope };

/** The overview's slice of the fleet, within what the user may see. */
type Slice = FleetQuery & { scope: AccountScope };

function slice(query: Slice, extra: FunctionFilter = {}): FunctionFilter {
  return { account: query.account, region: query.region, packageType: query.packageType, scope: query.scope, ...extra };
}

/** The window's totals per function as `t`: a preset's roll-up rows, or a custom window's bucket sums. */
async function windowTotals(db: Db, query: Slice, filter: FunctionFilter, now: Date): Promise<Prisma.Sql> {
  const preset = presetOf(query);
  if (!preset) return Prisma.sql`JOIN (${totalsByFunction(resolveTimeRange(query, now))}) t ON t."functionId" = f."id"`;
  await freshFunctionRollups(db, filter, preset, now);
  return Prisma.sql`JOIN "FunctionRollup" t ON t."functionId" = f."id" AND t."window" = ${preset}`;
}

async function mostColdStarts(db: Db, query: Slice, now: Date) {
  const filter = slice(query, { deleted: "include" });
  const rows = await db.$queryRaw<{ functionId: string; coldStarts: unknown; invocations: unknown }[]>`
    SELECT f."id" AS "functionId", t."coldStarts", t."invocations" FROM "Function" f
    ${await windowTotals(db, query, filter, now)}
    ${whereAll([...functionConditions(filter, now), Prisma.sql`t."coldStarts" > 0`])}
    ORDER BY t."coldStarts" DESC, f."id" LIMIT ${TOP_LIST_LENGTH}`;
  const refs = await functionRefs(
    db,
    rows.map((r) => r.functionId),
  );
  return rows.map((r) => {
    const coldStarts = toNumber(r.coldStarts);
    const invocations = toNumber(r.invocations);
    return {
      fn: refs.get(r.functionId)!,
      coldStarts,
      invocations,
      coldStartRate: coldStartRate(coldStarts, invocations),
    };
  });
}

/** Active functions idle longest: the next candidates for Lambda's idle reclaim (image functions unless sliced otherwise). */
async function closestToIdle(db: Db, query: Slice, now: Date, thresholds: IdleThresholds) {
  const filter = slice(query, { packageType: query.packageType ?? PackageType.Image, state: FunctionState.Active });
  const rows = await db.$queryRaw<{ id: string; lastInvokedAt: Date | null; firstSeenAt: Date }[]>`
    SELECT f."id", f."lastInvokedAt", f."firstSeenAt" FROM "Function" f
    ${whereAll(functionConditions(filter, now))}
    ORDER BY COALESCE(f."lastInvokedAt", f."firstSeenAt") ASC, f."id" LIMIT ${TOP_LIST_LENGTH}`;
  const refs = await functionRefs(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const idle = idleStatus({ lastInvokedAt: r.lastInvokedAt, firstSeenAt: r.firstSeenAt, now, ...thresholds });
    return {
      fn: refs.get(r.id)!,
      idleDays: idle.idleDays,
      idleSinceUnknown: idle.idleSinceUnknown,
      level: idle.level,
      predictedInactiveAt: toIso(idle.predictedInactiveAt),
    };
  });
}

async function staleImages(db: Db, query: Slice, now: Date) {
  const filter = slice(query, { packageType: PackageType.Image });
  const rows = await db.$queryRaw<
    { digest: string; imageUri: string | null; pushedAt: Date | string; functions: unknown; exampleId: string }[]
  >`
    SELECT i."digest", MIN(f."imageUri") AS "imageUri", MIN(i."pushedAt") AS "pushedAt",
      COUNT(DISTINCT f."id") AS "functions", MIN(f."id") AS "exampleId"
    FROM "Function" f JOIN "Image" i ON i."digest" = f."imageDigest"
    ${whereAll([...functionConditions(filter, now), Prisma.sql`i."pushedAt" IS NOT NULL`])}
    GROUP BY i."digest" ORDER BY MIN(i."pushedAt") ASC, i."digest" LIMIT ${TOP_LIST_LENGTH}`;
  const refs = await functionRefs(
    db,
    rows.map((r) => r.exampleId),
  );
  return rows.map((r) => {
    const pushedAt = new Date(r.pushedAt);
    const ref = imageRef(r.imageUri);
    return {
      repository: ref?.repository ?? null,
      tag: ref?.tag ?? null,
      digest: r.digest,
      pushedAt: pushedAt.toISOString(),
      ageDays: (now.getTime() - pushedAt.getTime()) / DAY_MS,
      functions: toNumber(r.functions),
      example: refs.get(r.exampleId)!,
    };
  });
}

async function failed(db: Db, query: Slice) {
  const rows = await db.function.findMany({
    where: {
      state: FunctionState.Failed,
      deletedAt: null,
      accountId: query.account,
      region: query.region,
      packageType: query.packageType,
      ...scopeWhere(query.scope),
    },
    orderBy: [{ stateReadAt: "desc" }, { id: "asc" }],
    take: TOP_LIST_LENGTH,
    select: { id: true, state: true, stateReason: true, lastUpdateStatus: true, lastModified: true },
  });
  const [refs, since] = await Promise.all([
    functionRefs(
      db,
      rows.map((r) => r.id),
    ),
    statesSince(db, rows),
  ]);
  return rows.map((r) => ({
    fn: refs.get(r.id)!,
    reason: r.stateReason,
    since: toIso(since.get(r.id)?.at),
    sinceAtLeast: since.get(r.id)?.atLeast ?? false,
  }));
}

/** The overview's top lists; cold starts count over the selected window, the rest is the fleet now. */
export async function fleetTopLists(query: FleetQuery, options: Options = {}): Promise<FleetTopLists> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const thresholds = options.thresholds ?? appConfig().config.idle;
  const sliced = { ...query, scope: options.scope ?? null };
  const [cold, idle, stale, failing] = await Promise.all([
    mostColdStarts(db, sliced, now),
    closestToIdle(db, sliced, now, thresholds),
    staleImages(db, sliced, now),
    failed(db, sliced),
  ]);
  return {
    mostColdStarts: cold,
    closestToIdle: idle,
    staleImages: stale,
    failed: failing,
    idleThresholdDays: thresholds.thresholdDays,
  };
}
