import type { FleetSummary } from "@/lib/contracts/fleet";
import "server-only";
import { UNKNOWN_STATE } from "@/lib/analysis/fleet-counts";
import type { AccountScope } from "@/lib/analysis/scope";
import { appConfig } from "@/lib/config/load";
import { type Db, db as defaultDb } from "../client";
import { lastCollectionAt, SUCCESSFUL_POLL_STATUSES } from "./poll-runs";
import { scopeWhere } from "./scope";

/**
 * Account × region pairs that collected: every successful poll for the whole fleet; for a
 * restricted user, those holding a function they may see.
 */
async function coveredScopes(db: Db, scope: AccountScope): Promise<{ accountId: string; region: string }[]> {
  if (scope) {
    const where = { deletedAt: null, ...scopeWhere(scope) };
    const pairs = await db.function.groupBy({ by: ["accountId", "region"], where });
    return pairs.map(({ accountId, region }) => ({ accountId, region }));
  }
  const pairs = await db.pollRun.groupBy({
    by: ["accountId", "region"],
    where: { status: { in: SUCCESSFUL_POLL_STATUSES } },
  });
  return pairs.map(({ accountId, region }) => ({ accountId, region }));
}

/** The overview's headline figures: the fleet as last observed, independent of any time range. */
export async function fleetSummary(options: { db?: Db; scope?: AccountScope } = {}): Promise<FleetSummary> {
  const db = options.db ?? defaultDb;
  const scope = options.scope ?? null;
  const [groups, covered, last] = await Promise.all([
    db.function.groupBy({
      by: ["packageType", "state"],
      where: { deletedAt: null, ...scopeWhere(scope) },
      _count: { _all: true },
    }),
    coveredScopes(db, scope),
    lastCollectionAt(db),
  ]);
  const byState: Record<string, number> = {};
  const imageByState: Record<string, number> = {};
  let functions = 0;
  let imageFunctions = 0;
  for (const group of groups) {
    const state = group.state ?? UNKNOWN_STATE;
    const n = group._count._all;
    functions += n;
    byState[state] = (byState[state] ?? 0) + n;
    if (group.packageType === "Image") {
      imageFunctions += n;
      imageByState[state] = (imageByState[state] ?? 0) + n;
    }
  }
  return {
    functions,
    imageFunctions,
    imageShare: functions === 0 ? null : imageFunctions / functions,
    byState,
    imageByState,
    accounts: new Set(covered.map((c) => c.accountId)).size,
    regions: new Set(covered.map((c) => c.region)).size,
    lastCollectionAt: last,
    idleThresholdDays: appConfig().config.idle.thresholdDays,
  };
}
