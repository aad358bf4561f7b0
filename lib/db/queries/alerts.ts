import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { groupAlerts } from "@/lib/analysis/alerts/grouping";
import { isSilenced, severityRank } from "@/lib/analysis/alerts/lifecycle";
import { functionPageHref, permalink } from "@/lib/analysis/alerts/links";
import type { Severity } from "@/lib/analysis/rules/finding";
import { type AccountScope, inScope } from "@/lib/analysis/scope";
import { appConfig } from "@/lib/config/load";
import { publicBase } from "@/lib/config/public-base-url";
import type {
  AlertCounts,
  AlertDetail,
  AlertFacets,
  AlertGroupList,
  AlertList,
  AlertSummary,
  FunctionAlerts,
} from "@/lib/contracts/alerts";
import type { AlertsQuery, StateFilter } from "@/lib/contracts/alerts-query";
import { readAlertRecord } from "@/lib/db/alert-record";
import { type Db, db as defaultDb } from "../client";
import { scopeWhere } from "./scope";
import { dialect } from "./sql";

export interface ReadOptions {
  db?: Db;
  now?: Date;
  publicBaseUrl?: string;
  /** What the user may see; null (the default) is everything. */
  scope?: AccountScope;
}

const ACTIVE = ["open", "acknowledged"];

/** The alerts a state filter selects; silences are read against `now`. */
export function stateWhere(state: StateFilter, now: Date): Prisma.AlertWhereInput {
  const notSilenced: Prisma.AlertWhereInput = { OR: [{ silencedUntil: null }, { silencedUntil: { lte: now } }] };
  switch (state) {
    case "active":
      return { state: { in: ACTIVE } };
    case "attention":
      return { state: "open", ...notSilenced };
    case "silenced":
      return { state: { in: ACTIVE }, silencedUntil: { gt: now } };
    case "all":
      return {};
    default:
      return { state };
  }
}

/** Free text over the function name, the alert's title and reason, and what it is about. */
function textWhere(q: string | undefined): Prisma.AlertWhereInput {
  if (!q) return {};
  // SQLite's LIKE is case-insensitive for ASCII already; PostgreSQL needs to be told.
  const match = { contains: q, ...(dialect() === "postgresql" ? { mode: "insensitive" as const } : {}) };
  return {
    AND: [{ OR: [{ functionName: match }, { title: match }, { reason: match }, { subject: match }, { team: match }] }],
  };
}

/** The `where` of the list's filters, within what the user may see. */
export function alertWhere(query: AlertsQuery, scope: AccountScope, now: Date): Prisma.AlertWhereInput {
  return {
    AND: [
      scopeWhere(scope),
      stateWhere(query.state, now),
      textWhere(query.q),
      {
        ...(query.severity ? { severity: query.severity } : {}),
        ...(query.rule ? { rule: query.rule } : {}),
        ...(query.account ? { accountId: query.account } : {}),
        ...(query.team ? { team: query.team } : {}),
        ...(query.region ? { region: query.region } : {}),
        ...(query.environment ? { environment: query.environment } : {}),
        ...(query.group ? { groupKey: query.group } : {}),
      },
    ],
  };
}

/** The values the filters offer, from every alert the user may see. */
async function alertFacets(db: Db, scope: AccountScope): Promise<AlertFacets> {
  const visible = scopeWhere(scope);
  const [accounts, teams, regions, environments] = await Promise.all([
    db.alert.groupBy({ by: ["accountId"], where: visible, orderBy: { accountId: "asc" } }),
    db.alert.groupBy({ by: ["team"], where: { team: { not: null }, ...visible }, orderBy: { team: "asc" } }),
    db.alert.groupBy({ by: ["region"], where: visible, orderBy: { region: "asc" } }),
    db.alert.groupBy({
      by: ["environment"],
      where: { environment: { not: null }, ...visible },
      orderBy: { environment: "asc" },
    }),
  ]);
  const names = await accountNames(
    db,
    accounts.map((row) => row.accountId),
  );
  return {
    accounts: accounts.map((row) => ({ id: row.accountId, name: names.get(row.accountId) ?? null })),
    teams: teams.flatMap((row) => row.team ?? []),
    regions: regions.map((row) => row.region),
    environments: environments.flatMap((row) => row.environment ?? []),
  };
}

const alertInclude = { function: { select: { state: true, logGroup: true } } } satisfies Prisma.AlertInclude;
type AlertWithFunction = Prisma.AlertGetPayload<{ include: typeof alertInclude }>;

export async function listAlerts(query: AlertsQuery, options: ReadOptions = {}): Promise<AlertList> {
  const { db = defaultDb, scope = null, now = new Date() } = options;
  const where = alertWhere(query, scope, now);
  const [rows, total, facets] = await Promise.all([
    db.alert.findMany({
      where,
      include: alertInclude,
      orderBy: [{ openedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.alert.count({ where }),
    alertFacets(db, scope),
  ]);
  const names = new Map(facets.accounts.flatMap((account) => (account.name ? [[account.id, account.name]] : [])));
  return {
    alerts: rows.map((row) => summary(row, names, options)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    facets,
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
    where: { functionId: { in: [...functionIds] }, state: { in: ACTIVE } },
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

/** Counts of active alerts for the overview; acknowledged and silenced ones do not need attention. */
export async function alertCounts(options: { db?: Db; scope?: AccountScope; now?: Date } = {}): Promise<AlertCounts> {
  const { db = defaultDb, scope = null, now = new Date() } = options;
  const visible = scopeWhere(scope);
  const [byState, silenced, attention] = await Promise.all([
    db.alert.groupBy({ by: ["state"], where: { state: { in: ACTIVE }, ...visible }, _count: { _all: true } }),
    db.alert.count({ where: { AND: [visible, stateWhere("silenced", now)] } }),
    db.alert.groupBy({
      by: ["severity"],
      where: { AND: [visible, stateWhere("attention", now)] },
      _count: { _all: true },
    }),
  ]);
  const counts: AlertCounts = {
    active: 0,
    acknowledged: 0,
    silenced,
    needsAttention: 0,
    bySeverity: { critical: 0, warning: 0, info: 0 },
  };
  for (const group of byState) {
    counts.active += group._count._all;
    if (group.state === "acknowledged") counts.acknowledged += group._count._all;
  }
  for (const group of attention) {
    counts.needsAttention += group._count._all;
    counts.bySeverity[group.severity as Severity] += group._count._all;
  }
  return counts;
}

async function accountNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.account.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

function summary(row: AlertWithFunction, names: ReadonlyMap<string, string>, options: ReadOptions): AlertSummary {
  const { now = new Date(), publicBaseUrl = publicBase(appConfig().config.alerts.publicBaseUrl) } = options;
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
    groupKey: row.groupKey,
    environment: row.environment,
    subject: row.subject,
    permalink: permalink(row.id, publicBaseUrl),
  };
}

/** Members listed per group; the count says how many there are in all. */
export const MAX_GROUP_MEMBERS = 100;

/** The filtered alerts in their groups (lib/analysis/alerts/grouping.ts), worst and newest groups first. */
export async function listAlertGroups(query: AlertsQuery, options: ReadOptions = {}): Promise<AlertGroupList> {
  const { db = defaultDb, scope = null, now = new Date() } = options;
  const [rows, facets] = await Promise.all([
    db.alert.findMany({
      where: alertWhere(query, scope, now),
      include: alertInclude,
      orderBy: [{ openedAt: "desc" }, { id: "asc" }],
    }),
    alertFacets(db, scope),
  ]);
  const names = new Map(facets.accounts.flatMap((account) => (account.name ? [[account.id, account.name]] : [])));
  const groups = groupAlerts(rows.map((row) => ({ ...row, severity: row.severity as Severity })));
  const start = (query.page - 1) * query.pageSize;
  return {
    groups: groups.slice(start, start + query.pageSize).map((group) => {
      const first = group.members[0]!;
      const summaries = group.members.map((row) => summary(row, names, { ...options, now }));
      return {
        groupKey: group.groupKey,
        rule: first.rule,
        team: first.team,
        subject: first.subject,
        worstSeverity: group.worstSeverity,
        count: group.members.length,
        needsAttention: summaries.filter((alert) => alert.state === "open" && !alert.silenced).length,
        acknowledged: summaries.filter((alert) => alert.state === "acknowledged").length,
        silenced: summaries.filter((alert) => alert.silenced).length,
        latestOpenedAt: group.latestOpenedAt.toISOString(),
        members: summaries.slice(0, MAX_GROUP_MEMBERS),
      };
    }),
    totalGroups: groups.length,
    totalAlerts: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    facets,
  };
}
