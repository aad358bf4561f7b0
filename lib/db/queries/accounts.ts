import type { AccountStatus, PollSummary } from "@/lib/contracts/accounts";
import "server-only";
import { z } from "zod";
import type { AccountScope } from "@/lib/analysis/scope";
import { type Db, db as defaultDb } from "../client";
import { parseJsonColumn } from "./json-column";
import { SUCCESSFUL_POLL_STATUSES } from "./poll-runs";
import { scopedAccounts, scopeWhere } from "./scope";
import { toIso } from "./sql";

const MAX_ERRORS_SHOWN = 10;

const callsJson = z.record(z.string(), z.number()).catch({});
const errorsJson = z
  .array(
    z.object({
      api: z.string().optional(),
      functionName: z.string().optional(),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  )
  .catch([]);

function toPollSummary(run: {
  id: string;
  status: string;
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  functionsSeen: number;
  statesRead: number;
  calls: string;
  throttles: number;
  errorCount: number;
  errors: string;
}): PollSummary {
  return {
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    startedAt: run.startedAt.toISOString(),
    finishedAt: toIso(run.finishedAt),
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    functionsSeen: run.functionsSeen,
    statesRead: run.statesRead,
    calls: parseJsonColumn(callsJson, run.calls),
    throttles: run.throttles,
    errorCount: run.errorCount,
    errors: parseJsonColumn(errorsJson, run.errors).slice(0, MAX_ERRORS_SHOWN),
  };
}

/** Every account ImageFleet knows and, per region it polls, how the last poll went. */
export async function listAccounts(options: { db?: Db; scope?: AccountScope } = {}): Promise<AccountStatus[]> {
  const db = options.db ?? defaultDb;
  const scope = options.scope ?? null;
  const [accounts, latest, successes, functionCounts] = await Promise.all([
    db.account.findMany({ where: scopedAccounts(scope), orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.pollRun.groupBy({ by: ["accountId", "region"], _max: { startedAt: true } }),
    db.pollRun.groupBy({
      by: ["accountId", "region"],
      where: { status: { in: SUCCESSFUL_POLL_STATUSES }, finishedAt: { not: null } },
      _max: { finishedAt: true },
    }),
    db.function.groupBy({
      by: ["accountId", "region"],
      where: { deletedAt: null, ...scopeWhere(scope) },
      _count: { _all: true },
    }),
  ]);
  const lastRuns = latest.length
    ? await db.pollRun.findMany({
        where: { OR: latest.map((l) => ({ accountId: l.accountId, region: l.region, startedAt: l._max.startedAt! })) },
      })
    : [];

  const key = (accountId: string, region: string) => `${accountId}/${region}`;
  const runByScope = new Map(lastRuns.map((r) => [key(r.accountId, r.region), r]));
  const successByScope = new Map(successes.map((s) => [key(s.accountId, s.region), s._max.finishedAt]));
  const countByScope = new Map(functionCounts.map((c) => [key(c.accountId, c.region), c._count._all]));
  const regionsOf = (accountId: string) =>
    [...new Set([...latest, ...functionCounts].filter((s) => s.accountId === accountId).map((s) => s.region))].sort();

  return accounts.map((account) => ({
    id: account.id,
    name: account.name,
    source: account.source,
    roleArn: account.roleArn,
    assumeError: account.assumeError,
    assumeErrorAt: toIso(account.assumeErrorAt),
    regions: regionsOf(account.id).map((region) => {
      const run = runByScope.get(key(account.id, region));
      return {
        region,
        lastPoll: run ? toPollSummary(run) : null,
        lastSuccessAt: toIso(successByScope.get(key(account.id, region))),
        functions: countByScope.get(key(account.id, region)) ?? 0,
      };
    }),
  }));
}
