import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AccountScope } from "@/lib/analysis/scope";
import { DAY_MS } from "@/lib/analysis/time";
import type { FunctionsFilter } from "@/lib/contracts/functions-query";
import { scopeConditions } from "./scope";
import { containsPattern, LIKE_ESCAPE } from "./sql";

/**
 * Any subset of the functions table's filters (the overview uses account, region and package type),
 * within what the user may see.
 */
export type FunctionFilter = Partial<
  Pick<
    FunctionsFilter,
    "packageType" | "state" | "account" | "region" | "team" | "architecture" | "deleted" | "idleMin" | "q"
  >
> & { scope?: AccountScope };

/** SQL conditions on the `Function` table aliased `f`; each one can use an index of its own column. */
export function functionConditions(filter: FunctionFilter, now: Date): Prisma.Sql[] {
  const conditions = scopeConditions(filter.scope ?? null);
  if (filter.packageType) conditions.push(Prisma.sql`f."packageType" = ${filter.packageType}`);
  if (filter.state) conditions.push(Prisma.sql`f."state" = ${filter.state}`);
  if (filter.account) conditions.push(Prisma.sql`f."accountId" = ${filter.account}`);
  if (filter.region) conditions.push(Prisma.sql`f."region" = ${filter.region}`);
  if (filter.team) conditions.push(Prisma.sql`f."team" = ${filter.team}`);
  if (filter.architecture) conditions.push(Prisma.sql`f."architecture" = ${filter.architecture}`);
  const deleted = filter.deleted ?? "exclude";
  if (deleted === "exclude") conditions.push(Prisma.sql`f."deletedAt" IS NULL`);
  if (deleted === "only") conditions.push(Prisma.sql`f."deletedAt" IS NOT NULL`);
  if (filter.idleMin !== undefined) {
    // Idle since the last invocation, or since we first saw it when we never saw one (as idleStatus counts).
    const cutoff = new Date(now.getTime() - filter.idleMin * DAY_MS);
    conditions.push(Prisma.sql`COALESCE(f."lastInvokedAt", f."firstSeenAt") <= ${cutoff}`);
  }
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(
      Prisma.sql`(LOWER(f."name") LIKE ${pattern} ${LIKE_ESCAPE} OR LOWER(f."imageUri") LIKE ${pattern} ${LIKE_ESCAPE} OR LOWER(f."team") LIKE ${pattern} ${LIKE_ESCAPE})`,
    );
  }
  return conditions;
}
