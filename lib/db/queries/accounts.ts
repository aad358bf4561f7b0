import type { AccountStatus, PollError, PollSummary } from "@/lib/contracts/accounts";
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

/**
 * What a user who sees only some of an account's functions may read of its poll: errors about
 * their functions, errors about the account as a whole by API and code only (their messages may
 * name other teams' repositories), and their functions as the count seen.
 */
interface PartialView {
  functionNames: ReadonlySet<string>;
  functionCount: number;
}

function visibleErrors(errors: PollError[], partial: PartialView | null): PollError[] {
  if (!partial) return errors;
  return errors.flatMap((error) => {
    if (error.functionName) return partial.functionNames.has(error.functionName) ? [error] : [];
    return [{ api: error.api, code: error.code }];
  });
}

function toPollSummary(
  run: {
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
  },
  partial: PartialView | null,
): PollSummary {
  const errors = visibleErrors(parseJsonColumn(errorsJson, run.errors), partial);
  return {
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    startedAt: run.startedAt.toISOString(),
    finishedAt: toIso(run.finishedAt),
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    functionsSeen: partial ? partial.functionCount : run.functionsSeen,
    statesRead: run.statesRead,
    calls: parseJsonColumn(callsJson, run.calls),
    throttles: run.throttles,
    errorCount: partial ? errors.length : run.errorCount,
    errors: errors.slice(0, MAX_ERRORS_SHOWN),
  };
}

/** Every account ImageFleet knows and, per region it polls, how the last poll went. */
export async function listAccounts(options: { db?: Db; scope?: AccountScope } = {}): Promise<AccountStatus[]> {
  const db = options.db ?? defaultDb;
  const scope = options.scope ?? null;
  const [accounts, latest, successes, functionCounts, partlyVisible] = await Promise.all([
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
    // Deleted functions included: a poll error may be about one that has gone since.
    scope
      ? db.function.findMany({
          where: { accountId: { notIn: scope.accounts }, ...scopeWhere(scope) },
          select: { accountId: true, region: true, name: true },
        })
      : [],
  ]);
  const lastRuns = latest.length
    ? await db.pollRun.findMany({
        where: { OR: latest.map((l) => ({ accountId: l.accountId, region: l.region, startedAt: l._max.startedAt! })) },
      })
    : [];
  // The backfill's progress is recorded when a run finishes: the latest successful one has it.
  const successfulRuns = successes.length
    ? await db.pollRun.findMany({
        where: {
          status: { in: SUCCESSFUL_POLL_STATUSES },
          OR: successes.map((s) => ({ accountId: s.accountId, region: s.region, finishedAt: s._max.finishedAt! })),
        },
        select: {
          accountId: true,
          region: true,
          backfillDone: true,
          backfillTotal: true,
          backfillScannedBytes: true,
          backfillSkippedBytes: true,
        },
      })
    : [];

  const key = (accountId: string, region: string) => `${accountId}/${region}`;
  const runByScope = new Map(lastRuns.map((r) => [key(r.accountId, r.region), r]));
  const successByScope = new Map(successes.map((s) => [key(s.accountId, s.region), s._max.finishedAt]));
  const countByScope = new Map(functionCounts.map((c) => [key(c.accountId, c.region), c._count._all]));
  const backfillByScope = new Map(
    successfulRuns.map((r) => [
      key(r.accountId, r.region),
      {
        done: r.backfillDone,
        total: r.backfillTotal,
        scannedBytes: r.backfillScannedBytes,
        skippedBytes: r.backfillSkippedBytes,
      },
    ]),
  );
  const namesByScope = new Map<string, Set<string>>();
  for (const fn of partlyVisible) {
    const names = namesByScope.get(key(fn.accountId, fn.region)) ?? new Set<string>();
    namesByScope.set(key(fn.accountId, fn.region), names.add(fn.name));
  }
  const partialView = (accountId: string, region: string): PartialView | null =>
    scope && !scope.accounts.includes(accountId)
      ? {
          functionNames: namesByScope.get(key(accountId, region)) ?? new Set(),
          functionCount: countByScope.get(key(accountId, region)) ?? 0,
        }
      : null;
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
        lastPoll: run ? toPollSummary(run, partialView(account.id, region)) : null,
        lastSuccessAt: toIso(successByScope.get(key(account.id, region))),
        functions: countByScope.get(key(account.id, region)) ?? 0,
        backfill: backfillByScope.get(key(account.id, region)) ?? null,
      };
    }),
  }));
}
