import type { AlertCounts, AlertDetail, AlertList, AlertSummary, FunctionAlerts } from "@/lib/contracts/alerts";
import type { AlertsQuery, StateFilter } from "@/lib/contracts/alerts-query";
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isSilenced, severityRank } from "@/lib/analysis/alerts/lifecycle";
import { functionPageHref, permalink } from "@/lib/analysis/alerts/links";
import type { Severity } from "@/lib/analysis/rules/finding";
import { type AccountScope, inScope } from "@/lib/analysis/scope";
import { appConfig } from "@/lib/config/load";
import { readAlertRecord } from "@/lib/db/alert-record";
import { type Db, db as defaultDb } from "../client";
import { scopeWhere } from "./scope";

export interface ReadOptions {
  db?: Db;
  now?: Date;
  publicBaseUrl?: string;
  /** What the user may see; null (the default) is everything. */
  scope?: AccountScope;
}

const STATES: Record<StateFilter, string[] | null> = {
  active: ["open", "acknowledged"],
  open: ["open"],
  acknowledged: ["acknowledged"],
  resolved: ["resolved"],
  all: null,
};

const alertInclude = { function: { select: { state: true, logGroup: true } } } satisfies Prisma.AlertInclude;
type AlertWithFunction = Prisma.AlertGetPayload<{ include: typeof alertInclude }>;

export async function listAlerts(query: AlertsQuery, options: ReadOptions = {}): Promise<AlertList> {
  const { db = defaultDb, scope = null } = options;
  const states = STATES[query.state];
  const visible = scopeWhere(scope);
  const where: Prisma.AlertWhereInput = {
    ...visible,
    ...(states ? { state: { in: states } } : {}),
    ...(query.severity ? { severity: query.severity } : {}),
    ...(query.rule ? { rule: query.rule } : {}),
    ...(query.account ? { accountId: query.account } : {}),
    ...(query.team ? { team: query.team } : {}),
  };
  const [rows, total, accounts, teams] = await Promise.all([
    db.alert.findMany({
      where,
      include: alertInclude,
      orderBy: [{ openedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.alert.count({ where }),
    db.alert.groupBy({ by: ["accountId"], where: visible, orderBy: { accountId: "asc" } }),
    db.alert.groupBy({ by: ["team"], where: { team: { not: null }, ...visible }, orderBy: { team: "asc" } }),
  ]);
  const names = await accountNames(
    db,
    accounts.map((row) => row.accountId),
  );
  return {
    alerts: rows.map((row) => summary(row, names, options)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    facets: {
      accounts: accounts.map((row) => ({ id: row.accountId, name: names.get(row.accountId) ?? null })),
      teams: teams.flatMap((row) => row.team ?? []),
    },
  };
}

export async function getAlert(id: string, options: ReadOptions = {}): Promise<AlertDetail | null> {
  const { db = defaultDb, now = new Date() } = options;
  const row = await db.alert.findUnique({ where: { id }, include: alertInclude });
  if (!row || !inScope(options.scope ?? null, row)) return null;
  const [names, notifications] = await Promise.all([
    accountNames(db, [row.accountId]),
    db.notification.findMany({
      where: { alertId: id },
      orderBy: { id: "asc" },
      select: { channel: true, event: true, status: true, attempts: true, sentAt: true, lastError: true },
    }),
  ]);
  const record = readAlertRecord(row.evidence);
  return {
    ...summary(row, names, options),
    acknowledgedBy: row.acknowledgedBy,
    logGroup: row.function?.logGroup ?? null,
    evidence: record.evidence,
    timeline: record.timeline,
    notifications: notifications.map((n) => ({ ...n, sentAt: n.sentAt?.toISOString() ?? null })),
    functionPage:
      row.functionId && row.functionName
        ? functionPageHref({ accountId: row.accountId, region: row.region, name: row.functionName }, row, now)
        : null,
  };
}

/** Active alerts of the given functions (one table page, or one function page) in one query. */
export async function openAlertsByFunction(
  functionIds: readonly string[],
  db: Db = defaultDb,
): Promise<Record<string, FunctionAlerts>> {
  const rows = await db.alert.findMany({
    where: { functionId: { in: [...functionIds] }, state: { in: STATES.active! } },
    select: { id: true, functionId: true, rule: true, severity: true, title: true },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }],
  });
  const byFunction: Record<string, FunctionAlerts> = {};
  for (const row of rows) {
    const severity = row.severity as Severity;
    const entry = byFunction[row.functionId!] ?? { count: 0, severity, alerts: [] };
    byFunction[row.functionId!] = entry;
    entry.count++;
    if (severityRank(severity) > severityRank(entry.severity)) entry.severity = severity;
    entry.alerts.push({ id: row.id, rule: row.rule, severity, title: row.title });
  }
  for (const entry of Object.values(byFunction)) {
    entry.alerts.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  }
  return byFunction;
}

/** Counts of active alerts for the overview. */
export async function alertCounts(options: { db?: Db; scope?: AccountScope } = {}): Promise<AlertCounts> {
  const { db = defaultDb, scope = null } = options;
  const groups = await db.alert.groupBy({
    by: ["state", "severity"],
    where: { state: { in: STATES.active! }, ...scopeWhere(scope) },
    _count: { _all: true },
  });
  const counts: AlertCounts = { active: 0, acknowledged: 0, bySeverity: { critical: 0, warning: 0, info: 0 } };
  for (const group of groups) {
    const n = group._count._all;
    counts.active += n;
    if (group.state === "acknowledged") counts.acknowledged += n;
    counts.bySeverity[group.severity as Severity] += n;
  }
  return counts;
}

async function accountNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.account.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

function summary(row: AlertWithFunction, names: ReadonlyMap<string, string>, options: ReadOptions): AlertSummary {
  const { now = new Date(), publicBaseUrl = appConfig().config.alerts.publicBaseUrl } = options;
  return {
    id: row.id,
    rule: row.rule,
    severity: row.severity as Severity,
    state: row.state as AlertSummary["state"],
    silenced: row.state !== "resolved" && isSilenced(row.silencedUntil, now),
    title: row.title,
    reason: row.reason,
    function: {
      id: row.functionId,
      accountId: row.accountId,
      accountName: names.get(row.accountId) ?? null,
      region: row.region,
      name: row.functionName,
      team: row.team,
      state: row.function?.state ?? null,
    },
    openedAt: row.openedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    silencedUntil: row.silencedUntil?.toISOString() ?? null,
    permalink: permalink(row.id, publicBaseUrl),
  };
}
