import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { RangePreset, TimeRangeQuery } from "@/lib/analysis/time-window";
import { appConfig } from "@/lib/config/load";
import type { RollupFreshness } from "@/lib/contracts/rollups";
import type { Db } from "../client";
import { ROLLUP_VERSION, refreshFunctionRollups, type Scope, updateScopeRollups } from "../writes/rollups";
import { writeTransaction } from "../writes/transaction";
import { type FunctionFilter, functionConditions } from "./function-filter";
import { toIso, whereAll } from "./sql";

// The roll-up read model's read side. A page asking for a preset window reads roll-ups; one asking
// for a custom from/to reads buckets. Roll-ups the collector has not confirmed for two metric
// cycles (it stopped, or its scope failed) are recomputed here before they are read, never served stale.

/** The preset a query asks for, or null for a custom window (which reads buckets). */
export function presetOf(query: TimeRangeQuery): RangePreset | null {
  return query.from !== undefined && query.to !== undefined ? null : query.range;
}

/** Roll-ups computed before this are stale: two metric cycles (the collector's slower cadence). */
export function staleBefore(now: Date): Date {
  const { intervalSeconds, metricsIntervalMinutes } = appConfig().config.collector;
  const cycleMs = Math.max(intervalSeconds * 1000, metricsIntervalMinutes * 60_000);
  return new Date(now.getTime() - 2 * cycleMs);
}

/** The join of a preset's roll-up row onto `Function f`, aliased `r`. */
export function rollupJoin(preset: RangePreset): Prisma.Sql {
  return Prisma.sql`LEFT JOIN "FunctionRollup" r ON r."functionId" = f."id" AND r."window" = ${preset}`;
}

/** Recomputes the roll-ups of the filtered functions that are missing or stale; returns how current the rest are. */
export async function freshFunctionRollups(
  db: Db,
  filter: FunctionFilter,
  preset: RangePreset,
  now: Date,
): Promise<RollupFreshness> {
  const conditions = functionConditions(filter, now);
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT f."id" FROM "Function" f ${rollupJoin(preset)}
    ${whereAll([...conditions, Prisma.sql`(r."functionId" IS NULL OR r."computedAt" < ${staleBefore(now)})`])}`;
  if (stale.length > 0) {
    await writeTransaction(db, (tx) =>
      refreshFunctionRollups(
        tx,
        stale.map((row) => row.id),
        now,
      ),
    );
  }
  const [oldest] = await db.$queryRaw<{ computedAt: Date | string | null; watermark: Date | string | null }[]>`
    SELECT MIN(r."computedAt") AS "computedAt", MIN(r."watermark") AS "watermark"
    FROM "Function" f ${rollupJoin(preset)} ${whereAll(conditions)}`;
  return { computedAt: toIso(oldest?.computedAt), watermark: toIso(oldest?.watermark) };
}

/**
 * Recomputes the slice roll-ups of every account × region of the overview's slice that the
 * collector has not brought up to date within two metric cycles; returns how current they are.
 */
export async function freshSliceRollups(
  db: Db,
  slice: Pick<FunctionFilter, "account" | "region">,
  now: Date,
): Promise<RollupFreshness> {
  const conditions: Prisma.Sql[] = [];
  if (slice.account) conditions.push(Prisma.sql`f."accountId" = ${slice.account}`);
  if (slice.region) conditions.push(Prisma.sql`f."region" = ${slice.region}`);
  const scopes = await db.$queryRaw<
    (Scope & { computedAt: Date | string | null; watermark: Date | string | null; version: unknown })[]
  >`
    SELECT DISTINCT f."accountId", f."region", s."computedAt", s."watermark", s."version"
    FROM "Function" f LEFT JOIN "RollupScope" s ON s."accountId" = f."accountId" AND s."region" = f."region"
    ${whereAll(conditions)}`;
  const cutoff = staleBefore(now).getTime();
  let computedAt: Date | null = null;
  let watermark: Date | null = null;
  for (const scope of scopes) {
    const at = scope.computedAt === null ? null : new Date(scope.computedAt);
    const stale = at === null || at.getTime() < cutoff || Number(scope.version) !== ROLLUP_VERSION;
    if (stale) {
      await writeTransaction(db, (tx) =>
        updateScopeRollups(
          tx,
          { accountId: scope.accountId, region: scope.region },
          { functionIds: new Set(), since: null, slicesMoved: true },
          now,
        ),
      );
    }
    const scopeAt = stale ? now : at!;
    if (!computedAt || scopeAt < computedAt) computedAt = scopeAt;
    const mark = scope.watermark === null ? null : new Date(scope.watermark);
    if (mark && (!watermark || mark < watermark)) watermark = mark;
  }
  return { computedAt: toIso(computedAt), watermark: toIso(watermark) };
}

export interface RolledUpMetrics {
  coldStarts: number;
  invocations: number;
  initP95: number | null;
  /** The earliest hourly bucket of the window the figures reflect (null: none). */
  coverageFrom: string | null;
}

/** A preset window's figures for a known set of functions (one table page), by key. */
export async function rolledUpMetricsOf(
  db: Db,
  functionIds: readonly string[],
  preset: RangePreset,
): Promise<Map<string, RolledUpMetrics>> {
  if (functionIds.length === 0) return new Map();
  const rows = await db.functionRollup.findMany({
    where: { window: preset, functionId: { in: [...functionIds] } },
    select: { functionId: true, coldStarts: true, invocations: true, initP95: true, coverageFrom: true },
  });
  return new Map(
    rows.map((row) => [
      row.functionId,
      {
        coldStarts: row.coldStarts,
        invocations: row.invocations,
        initP95: row.initP95,
        coverageFrom: toIso(row.coverageFrom),
      },
    ]),
  );
}
