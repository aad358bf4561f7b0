import type { AlertChannelConfig } from "@/lib/config/schema";
import type { AlertNotice, Notice } from "./notice";

const EVENT_WORDS: Record<AlertNotice["event"], string> = {
  open: "Opened",
  escalate: "Escalated",
  resolve: "Resolved",
};

const SEVERITY_EMOJI = { info: ":information_source:", warning: ":warning:", critical: ":rotating_light:" } as const;

/** The body posted to a channel, in the channel's format. `permalink` is null for digests (they carry their URL). */
export function renderMessage(type: AlertChannelConfig["type"], notice: Notice, permalink: string | null): unknown {
  return type === "slack" ? slackMessage(notice, permalink) : webhookMessage(notice, permalink);
}

function webhookMessage(notice: Notice, permalink: string | null): unknown {
  if (notice.kind === "digest") {
    const { reportId, team, title, summary, url } = notice;
    return { kind: "digest", report: { id: reportId, team, title, summary, url } };
  }
  return { kind: "alert", event: notice.event, at: notice.at.toISOString(), alert: notice.alert, permalink };
}

function slackMessage(notice: Notice, permalink: string | null): unknown {
  if (notice.kind === "digest") {
    const text = `${notice.title}: ${notice.url}`;
    return {
      text,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: `*<${notice.url}|${escapeSlack(notice.title)}>*` } },
        { type: "section", text: { type: "mrkdwn", text: escapeSlack(notice.summary) } },
      ],
    };
  }
  const { alert, event } = notice;
  const subject = alert.functionName ?? alert.accountId;
  const where = `${alert.accountId} · ${alert.region}${alert.team ? ` · team ${alert.team}` : ""}`;
  const headline = `${EVENT_WORDS[event]} [${alert.severity}] ${alert.title}: ${subject}`;
  const link = permalink ?? "";
  return {
    text: `${headline} — ${alert.reason} ${link}`.trim(),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `${event === "resolve" ? ":white_check_mark:" : SEVERITY_EMOJI[alert.severity]} *${EVENT_WORDS[event]}* · *<${link}|${escapeSlack(alert.title)}>* · \`${escapeSlack(subject)}\``,
        },
      },
      { type: "section", text: { type: "mrkdwn", text: escapeSlack(alert.reason) } },
      { type: "context", elements: [{ type: "mrkdwn", text: `${escapeSlack(where)} · rule ${alert.rule}` }] },
    ],
  };
}

/** Slack mrkdwn control characters. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
