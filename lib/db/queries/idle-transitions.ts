import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { DEFAULT_IDLE_THRESHOLDS } from "@/lib/analysis/idle";
import { type IdleTransitionSample, learnIdleThresholds, thresholdInForce } from "@/lib/analysis/idle-threshold";
import type { AccountScope } from "@/lib/analysis/scope";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import { PackageType } from "@/lib/analysis/types";
import { appConfig } from "@/lib/config/load";
import type { ImageFleetConfig } from "@/lib/config/schema";
import type { IdleThresholdAnswer } from "@/lib/contracts/idle-threshold";
import { type Db, db as defaultDb } from "../client";
import { METRIC_RESOLUTION } from "./metric-aggregates";
import { scopeConditions } from "./scope";
import { whereAll } from "./sql";

type IdleConfig = ImageFleetConfig["idle"];

interface TransitionRow {
  packageType: string;
  region: string;
  at: Date | string;
  lastInvokedHour: Date | string | null;
}

/**
 * Every Active → Inactive (Idle) transition ImageFleet watched happen — an Inactive interval that
 * an Active one ran into, not a function first seen Inactive — with the last hour that had
 * invocations before it. Transitions without a known last invocation are left out. The idle time
 * counts from the end of that hour: the shortest it can have been.
 */
export async function idleTransitionSamples(
  options: { db?: Db; scope?: AccountScope } = {},
): Promise<IdleTransitionSample[]> {
  const db = options.db ?? defaultDb;
  const conditions = [
    Prisma.sql`i."state" = 'Inactive'`,
    Prisma.sql`i."reasonCode" = 'Idle'`,
    Prisma.sql`EXISTS (SELECT 1 FROM "StateInterval" p
       WHERE p."functionId" = i."functionId" AND p."state" = 'Active' AND p."to" = i."from")`,
    ...scopeConditions(options.scope ?? null),
  ];
  const rows = await db.$queryRaw<TransitionRow[]>`
    SELECT f."packageType", f."region", i."from" AS "at",
      (SELECT MAX(b."start") FROM "MetricBucket" b
        WHERE b."functionId" = i."functionId" AND b."resolution" = ${METRIC_RESOLUTION}
          AND b."invocations" > 0 AND b."start" < i."from") AS "lastInvokedHour"
    FROM "StateInterval" i JOIN "Function" f ON f."id" = i."functionId"
    ${whereAll(conditions)}`;
  return rows.flatMap((row) => {
    if (row.lastInvokedHour === null) return [];
    const idleMs = new Date(row.at).getTime() - (new Date(row.lastInvokedHour).getTime() + HOUR_MS);
    return [{ packageType: row.packageType, region: row.region, idleDays: Math.max(0, idleMs) / DAY_MS }];
  });
}

/** The learned idle threshold per package type, and the threshold in force for each. */
export async function idleThresholdAnswer(
  options: { db?: Db; scope?: AccountScope; idle?: IdleConfig } = {},
): Promise<IdleThresholdAnswer> {
  const idle = options.idle ?? appConfig().config.idle;
  const learned = learnIdleThresholds(await idleTransitionSamples(options), idle.learnMinSamples);
  const settings = {
    pinnedDays: idle.thresholdPinned ? idle.thresholdDays : undefined,
    defaultDays: DEFAULT_IDLE_THRESHOLDS.thresholdDays,
    minSamples: idle.learnMinSamples,
  };
  return {
    method: "docs/idle-threshold.md",
    learnMinSamples: idle.learnMinSamples,
    packageTypes: [PackageType.Image, PackageType.Zip].map((packageType) => ({
      packageType,
      distribution: learned.byPackageType[packageType] ?? null,
      inForce: thresholdInForce(learned, packageType, settings),
    })),
    byRegion: learned.byRegion,
  };
}
