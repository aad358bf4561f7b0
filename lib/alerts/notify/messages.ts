// The body each channel type is sent, from a notice: the boundary between what we say (here) and
// how it is delivered (the outbox). Bodies carry links, never a channel's URL or key.
import { createHash } from "node:crypto";
import type { Severity } from "@/lib/analysis/rules/finding";
import { ruleLabel } from "@/lib/analysis/rules/registry";
import type { AlertChannelConfig } from "@/lib/config/schema";
import type { BaselineNotice, GroupAlert, GroupNotice, Notice } from "./notice";

/** Alertmanager's "zero" time: a firing alert's endsAt. */
const ZERO_TIME = "0001-01-01T00:00:00Z";

const EVENT_WORDS: Record<GroupNotice["event"], string> = {
  new: "New",
  escalated: "Escalated",
  repeat: "Still open",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
};

const SEVERITY_EMOJI = { info: ":information_source:", warning: ":warning:", critical: ":rotating_light:" } as const;

export function renderMessage(type: AlertChannelConfig["type"], notice: Notice): unknown {
  switch (type) {
    case "slack":
      return slackMessage(notice);
    case "pagerduty":
      return pagerDutyEvent(notice);
    case "webhook":
      return webhookMessage(notice);
  }
}

/** One line that says what the group is: "3 × Failed (critical) · team payments · repo". */
export function groupSummary(notice: GroupNotice): string {
  const first = notice.alerts[0];
  const rule = first ? ruleLabel(first.rule) : (notice.groupLabels.rule ?? "alerts");
  const team = first?.team ?? notice.groupLabels.team;
  const about = first?.subject ?? notice.groupLabels.subject;
  const count = notice.total === 1 && first?.functionName ? first.functionName : `${notice.total} functions`;
  return [`${rule} [${notice.worstSeverity}]: ${count}`, team ? `team ${team}` : null, about || null]
    .filter(Boolean)
    .join(" · ");
}

// ---- Alertmanager webhook v4 (generic webhook) ----

function alertLabels(alert: GroupAlert): Record<string, string> {
  return Object.fromEntries(
    Object.entries({
      alertname: alert.rule,
      severity: alert.severity,
      team: alert.team,
      account: alert.accountId,
      region: alert.region,
      function: alert.functionName,
      environment: alert.environment,
    }).filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== ""),
  );
}

function alertAnnotations(alert: GroupAlert): Record<string, string> {
  return {
    summary: alert.title,
    description: alert.reason,
    subject: alert.subject,
    ...(alert.functionUrl ? { function_url: alert.functionUrl } : {}),
  };
}

/** The labels (or annotations) every member shares. */
function common(records: readonly Record<string, string>[]): Record<string, string> {
  const [first, ...rest] = records;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([key, value]) => rest.every((r) => r[key] === value)));
}

function webhookMessage(notice: Notice): unknown {
  // A weekly report is not an alert: webhooks keep getting it in its own shape, as before.
  if (notice.kind === "digest") {
    const { reportId, team, title, summary, url } = notice;
    return { kind: "digest", report: { id: reportId, team, title, summary, url } };
  }
  if (notice.kind === "baseline") return baselineAsAlertmanager(notice);
  const resolved = notice.event === "resolved";
  const alerts = notice.alerts.map((alert) => ({
    status: resolved ? "resolved" : "firing",
    labels: alertLabels(alert),
    annotations: alertAnnotations(alert),
    startsAt: alert.openedAt.toISOString(),
    endsAt: resolved ? (alert.resolvedAt ?? notice.at).toISOString() : ZERO_TIME,
    generatorURL: alert.permalink,
    fingerprint: fingerprintOf(alert.fingerprint),
  }));
  return {
    version: "4",
    groupKey: notice.groupKey,
    truncatedAlerts: notice.total - notice.alerts.length,
    status: resolved ? "resolved" : "firing",
    receiver: notice.channel,
    groupLabels: notice.groupLabels,
    commonLabels: common(alerts.map((alert) => alert.labels)),
    commonAnnotations: {
      ...common(alerts.map((alert) => alert.annotations)),
      group_summary: `${EVENT_WORDS[notice.event]}: ${groupSummary(notice)}`,
      group_url: notice.groupUrl,
    },
    externalURL: notice.externalUrl,
    alerts,
  };
}

/** A baseline is not an alert; as Alertmanager v4 it is one informational alert, so receivers parse it. */
function infoAsAlertmanager(options: {
  channel: string;
  name: string;
  key: string;
  summary: string;
  description: string;
  url: string;
  externalUrl: string;
  at: Date;
}): unknown {
  const labels = { alertname: options.name, severity: "info" };
  const annotations = { summary: options.summary, description: options.description, url: options.url };
  return {
    version: "4",
    groupKey: options.key,
    truncatedAlerts: 0,
    status: "firing",
    receiver: options.channel,
    groupLabels: { alertname: options.name },
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL: options.externalUrl,
    alerts: [
      {
        status: "firing",
        labels,
        annotations,
        startsAt: options.at.toISOString(),
        endsAt: ZERO_TIME,
        generatorURL: options.url,
        fingerprint: fingerprintOf(options.key),
      },
    ],
  };
}

function baselineAsAlertmanager(notice: BaselineNotice): unknown {
  return infoAsAlertmanager({
    channel: notice.channel,
    name: "ImageFleetBaseline",
    key: "imagefleet-baseline",
    summary: baselineHeadline(notice),
    description: notice.lines.map((line) => `${line.text}: ${line.url}`).join("\n"),
    url: notice.url,
    externalUrl: notice.externalUrl,
    at: notice.at,
  });
}

/** Alertmanager fingerprints are 16 hex digits. */
function fingerprintOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

export function baselineHeadline(notice: BaselineNotice): string {
  const what = notice.lines.length ? notice.lines.map((line) => line.text).join(", ") : "nothing needs attention";
  return `ImageFleet is watching ${notice.functions} functions: ${what}`;
}

// ---- PagerDuty Events API v2 ----

const PAGERDUTY_ACTION: Record<GroupNotice["event"], "trigger" | "acknowledge" | "resolve"> = {
  new: "trigger",
  escalated: "trigger",
  repeat: "trigger",
  acknowledged: "acknowledge",
  resolved: "resolve",
};

/** Stable per group: every event of a group updates one PagerDuty alert. At most 255 characters. */
export function pagerDutyDedupKey(groupKey: string): string {
  return `imagefleet:${createHash("sha256").update(groupKey).digest("hex").slice(0, 40)}`;
}

/**
 * The event without `routing_key`: the key is a credential, so it is added at delivery from the
 * configuration and never stored with the message.
 */
function pagerDutyEvent(notice: Notice): unknown {
  if (notice.kind === "digest") return null;
  if (notice.kind === "baseline") {
    return {
      event_action: "trigger",
      dedup_key: "imagefleet:baseline",
      payload: {
        summary: truncate(baselineHeadline(notice), 1024),
        source: "imagefleet",
        severity: notice.worstSeverity ?? "info",
        timestamp: notice.at.toISOString(),
        class: "baseline",
        custom_details: Object.fromEntries(notice.lines.map((line) => [line.text, line.url])),
      },
      links: [{ href: notice.url, text: "Alerts in ImageFleet" }],
      client: "ImageFleet",
      client_url: notice.url,
    };
  }
  const action = PAGERDUTY_ACTION[notice.event];
  const first = notice.alerts[0];
  const links = [
    { href: notice.groupUrl, text: "Alert group in ImageFleet" },
    ...(first ? [{ href: first.permalink, text: `Alert: ${first.functionName ?? first.accountId}` }] : []),
    ...(first?.functionUrl ? [{ href: first.functionUrl, text: `Function ${first.functionName}` }] : []),
  ];
  const dedupKey = pagerDutyDedupKey(notice.groupKey);
  if (action !== "trigger") return { event_action: action, dedup_key: dedupKey };
  return {
    event_action: action,
    dedup_key: dedupKey,
    payload: {
      summary: truncate(groupSummary(notice), 1024),
      source: first ? `${first.accountId}/${first.region}` : "imagefleet",
      severity: notice.worstSeverity satisfies Severity,
      timestamp: notice.at.toISOString(),
      component: first?.subject,
      group: first?.team ?? undefined,
      class: first?.rule,
      custom_details: {
        event: EVENT_WORDS[notice.event],
        alerts: notice.total,
        functions: notice.alerts.map((alert) => `${alert.functionName ?? alert.accountId}: ${alert.reason}`),
      },
    },
    links,
    client: "ImageFleet",
    client_url: notice.groupUrl,
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// ---- Slack Block Kit ----

function slackMessage(notice: Notice): unknown {
  if (notice.kind === "digest") {
    return {
      text: `${notice.title}: ${notice.url}`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: `*<${notice.url}|${escapeSlack(notice.title)}>*` } },
        { type: "section", text: { type: "mrkdwn", text: escapeSlack(notice.summary) } },
      ],
    };
  }
  if (notice.kind === "baseline") {
    const headline = baselineHeadline(notice);
    return {
      text: `${headline} ${notice.url}`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: `*<${notice.url}|${escapeSlack(headline)}>*` } },
        ...(notice.lines.length
          ? [
              {
                type: "section",
                text: {
                  type: "mrkdwn",
                  text: notice.lines.map((line) => `• <${line.url}|${escapeSlack(line.text)}>`).join("\n"),
                },
              },
            ]
          : []),
      ],
    };
  }
  const headline = `${EVENT_WORDS[notice.event]}: ${groupSummary(notice)}`;
  const emoji = notice.event === "resolved" ? ":white_check_mark:" : SEVERITY_EMOJI[notice.worstSeverity];
  const shown = notice.alerts.slice(0, 10);
  const more = notice.total - shown.length;
  return {
    text: `${headline} ${notice.groupUrl}`,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `${emoji} *<${notice.groupUrl}|${escapeSlack(headline)}>*` },
      },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: shown
            .map(
              (alert) =>
                `• <${alert.permalink}|${escapeSlack(alert.functionName ?? alert.accountId)}> ${escapeSlack(alert.reason)}` +
                (alert.functionUrl ? ` (<${alert.functionUrl}|function>)` : ""),
            )
            .join("\n")
            .slice(0, 3000),
        },
      },
      ...(more > 0 ? [{ type: "context", elements: [{ type: "mrkdwn", text: `and ${more} more` }] }] : []),
    ],
  };
}

/** Slack mrkdwn control characters. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
