import "server-only";
import { severityRank } from "@/lib/analysis/alerts/lifecycle";
import { baseUrl, functionPageHref, groupLink, permalink } from "@/lib/analysis/alerts/links";
import { type ChannelGroup, type GroupNotification, planChannel } from "@/lib/analysis/alerts/notify-plan";
import type { Severity } from "@/lib/analysis/rules/finding";
import { RULE_IDS, ruleLabel } from "@/lib/analysis/rules/registry";
import { HOUR_MS } from "@/lib/analysis/time";
import { publicBase } from "@/lib/config/public-base-url";
import type { AlertChannelConfig, ImageFleetConfig } from "@/lib/config/schema";
import type { Tx } from "@/lib/db/writes/transaction";
import type { BaselineNotice, GroupAlert, GroupNotice, Notice } from "./notice";
import { enqueueNotices } from "./outbox";
import { routesAlert } from "./routing";

/** Members listed in one message; the message says how many there are in all. */
const MAX_MESSAGE_ALERTS = 50;

const memberSelect = {
  id: true,
  fingerprint: true,
  rule: true,
  severity: true,
  state: true,
  title: true,
  reason: true,
  accountId: true,
  region: true,
  functionName: true,
  functionId: true,
  team: true,
  environment: true,
  subject: true,
  groupKey: true,
  openedAt: true,
  resolvedAt: true,
  silencedUntil: true,
} as const;

type Member = {
  id: string;
  fingerprint: string;
  rule: string;
  severity: string;
  state: string;
  title: string;
  reason: string;
  accountId: string;
  region: string;
  functionName: string | null;
  functionId: string | null;
  team: string | null;
  environment: string | null;
  subject: string;
  groupKey: string;
  openedAt: Date;
  resolvedAt: Date | null;
  silencedUntil: Date | null;
};

const worstFirst = (a: Member, b: Member) =>
  severityRank(b.severity as Severity) - severityRank(a.severity as Severity) ||
  b.openedAt.getTime() - a.openedAt.getTime();

/** "rule=failed,team=payments" back into labels. */
function labelsOf(groupKey: string): Record<string, string> {
  return Object.fromEntries(
    groupKey.split(",").map((pair) => {
      const [label = "", value = ""] = pair.split("=");
      return [label, decodeURIComponent(value)];
    }),
  );
}

/**
 * Plans and queues every channel's group notifications for this evaluation, in its transaction:
 * a baseline digest for a channel that never had one, then one message per new, escalated,
 * acknowledged or resolved group, and a repeat at most every `repeatIntervalHours`.
 */
export async function queueGroupNotifications(
  tx: Tx,
  config: Pick<ImageFleetConfig, "alerts">,
  now: Date,
): Promise<number> {
  const { channels, repeatIntervalHours } = config.alerts;
  const publicBaseUrl = publicBase(config.alerts.publicBaseUrl);
  if (channels.length === 0) return 0;
  const active: Member[] = await tx.alert.findMany({
    where: { state: { in: ["open", "acknowledged"] } },
    select: memberSelect,
  });
  const [baselines, told, functions] = await Promise.all([
    tx.channelBaseline.findMany(),
    tx.alertGroupNotice.findMany(),
    tx.function.count({ where: { deletedAt: null } }),
  ]);
  const baselined = new Set(baselines.map((row) => row.channel));
  const notices: Notice[] = [];
  for (const channel of channels) {
    const routed = active.filter((alert) =>
      routesAlert(channel, { rule: alert.rule, severity: alert.severity as Severity, team: alert.team }),
    );
    const loud = routed.filter((alert) => alert.silencedUntil === null || alert.silencedUntil <= now);
    const byGroup = new Map<string, Member[]>();
    for (const alert of loud) byGroup.set(alert.groupKey, [...(byGroup.get(alert.groupKey) ?? []), alert]);
    const groups: ChannelGroup[] = [...byGroup.entries()].map(([groupKey, members]) => ({
      groupKey,
      worstSeverity: members.toSorted(worstFirst)[0]!.severity as Severity,
      acknowledged: members.every((member) => member.state === "acknowledged"),
    }));
    // A group whose members are only silenced is quiet, not resolved.
    const stillActive = new Set(routed.map((alert) => alert.groupKey));
    const channelTold = told.filter((row) => row.channel === channel.name);
    const plan = planChannel({
      hasBaseline: baselined.has(channel.name),
      groups,
      told: channelTold.filter((row) => !(stillActive.has(row.groupKey) && !byGroup.has(row.groupKey))),
      now,
      repeatMs: repeatIntervalHours * HOUR_MS,
    });
    if (plan.baseline) {
      notices.push(baselineNotice(channel, routed, functions, publicBaseUrl, now));
      await tx.channelBaseline.create({ data: { channel: channel.name, at: now } });
      await tx.alertGroupNotice.deleteMany({ where: { channel: channel.name } });
      await tx.alertGroupNotice.createMany({
        data: plan.remember.map((row) => ({ channel: channel.name, ...row, notifiedAt: now })),
      });
      continue;
    }
    for (const notification of plan.notify) {
      const told = channelTold.find((row) => row.groupKey === notification.groupKey);
      const members =
        notification.event === "resolved"
          ? await resolvedMembers(tx, notification.groupKey, told?.notifiedAt ?? now)
          : byGroup.get(notification.groupKey)!;
      // Alertmanager receivers know no acknowledgement: a webhook hears again on escalation or resolve.
      if (!(notification.event === "acknowledged" && channel.type === "webhook"))
        notices.push(groupNotice(channel, notification, members, publicBaseUrl, now));
      await tx.alertGroupNotice.upsert({
        where: { channel_groupKey: { channel: channel.name, groupKey: notification.groupKey } },
        create: {
          channel: channel.name,
          groupKey: notification.groupKey,
          status: notification.status,
          notifiedAt: now,
        },
        update: { status: notification.status, notifiedAt: now },
      });
    }
    for (const row of plan.remember) {
      await tx.alertGroupNotice.update({
        where: { channel_groupKey: { channel: channel.name, groupKey: row.groupKey } },
        data: { status: row.status },
      });
    }
  }
  return enqueueNotices(tx, notices, config.alerts, now);
}

function resolvedMembers(tx: Tx, groupKey: string, since: Date): Promise<Member[]> {
  return tx.alert.findMany({
    where: { groupKey, state: "resolved", resolvedAt: { gte: since } },
    select: memberSelect,
    orderBy: { resolvedAt: "desc" },
    take: MAX_MESSAGE_ALERTS,
  });
}

function groupAlert(alert: Member, publicBaseUrl: string | undefined, now: Date): GroupAlert {
  const fn =
    alert.functionId && alert.functionName
      ? { accountId: alert.accountId, region: alert.region, name: alert.functionName }
      : null;
  return {
    id: alert.id,
    fingerprint: alert.fingerprint,
    rule: alert.rule,
    severity: alert.severity as Severity,
    title: alert.title,
    reason: alert.reason,
    accountId: alert.accountId,
    region: alert.region,
    functionName: alert.functionName,
    team: alert.team,
    environment: alert.environment,
    subject: alert.subject,
    openedAt: alert.openedAt,
    resolvedAt: alert.resolvedAt,
    permalink: permalink(alert.id, publicBaseUrl),
    functionUrl: fn ? `${baseUrl(publicBaseUrl)}${functionPageHref(fn, alert, now)}` : null,
  };
}

function groupNotice(
  channel: AlertChannelConfig,
  notification: GroupNotification,
  members: readonly Member[],
  publicBaseUrl: string | undefined,
  now: Date,
): GroupNotice {
  const sorted = members.toSorted(worstFirst);
  return {
    kind: "group",
    channel: channel.name,
    event: notification.event,
    at: now,
    groupKey: notification.groupKey,
    groupLabels: labelsOf(notification.groupKey),
    worstSeverity: (sorted[0]?.severity as Severity | undefined) ?? "info",
    alerts: sorted.slice(0, MAX_MESSAGE_ALERTS).map((alert) => groupAlert(alert, publicBaseUrl, now)),
    total: members.length,
    groupUrl: groupLink(notification.groupKey, publicBaseUrl),
    externalUrl: baseUrl(publicBaseUrl),
  };
}

/** "5 failed, 3 idle, nearing Inactive (3 critical), 177 deprecated runtime": functions per rule, worst rules first. */
function baselineNotice(
  channel: AlertChannelConfig,
  routed: readonly Member[],
  functions: number,
  publicBaseUrl: string | undefined,
  now: Date,
): BaselineNotice {
  const base = baseUrl(publicBaseUrl);
  const lines = RULE_IDS.flatMap((rule) => {
    const alerts = routed.filter((alert) => alert.rule === rule);
    if (alerts.length === 0) return [];
    const critical = alerts.filter((alert) => alert.severity === "critical").length;
    const label = ruleLabel(rule).toLowerCase();
    const text = `${alerts.length} ${label}${critical > 0 && critical < alerts.length ? ` (${critical} critical)` : ""}`;
    return [{ text, url: `${base}/alerts?${new URLSearchParams({ rule })}`, critical }];
  }).sort((a, b) => b.critical - a.critical);
  const worst = routed.toSorted(worstFirst)[0];
  return {
    kind: "baseline",
    channel: channel.name,
    at: now,
    functions,
    worstSeverity: (worst?.severity as Severity | undefined) ?? null,
    lines: lines.map(({ text, url }) => ({ text, url })),
    url: `${base}/alerts`,
    externalUrl: base,
  };
}
