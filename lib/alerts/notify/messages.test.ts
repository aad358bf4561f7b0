import { describe, expect, it } from "vitest";
import { pagerDutyDedupKey, renderMessage } from "./messages";
import { type BaselineNotice, dedupeKey, type GroupNotice } from "./notice";

const AT = new Date("2026-12-01T00:00:00Z");
const BASE = "https://imagefleet.example.com";

const notice = (event: GroupNotice["event"]): GroupNotice => ({
  kind: "group",
  channel: "oncall",
  event,
  at: AT,
  groupKey: "rule=failed,team=payments,subject=repo",
  groupLabels: { rule: "failed", team: "payments", subject: "repo" },
  worstSeverity: "critical",
  alerts: [
    {
      id: "abc123",
      fingerprint: "failed:111122223333:eu-west-1:orders",
      rule: "failed",
      severity: "critical",
      title: "Failed",
      reason: "Failed (ImageDeleted): invocations fail <now>",
      accountId: "111122223333",
      region: "eu-west-1",
      functionName: "orders",
      team: "payments",
      environment: "prod",
      subject: "repo",
      openedAt: AT,
      resolvedAt: null,
      permalink: `${BASE}/alerts/abc123`,
      functionUrl: `${BASE}/functions/111122223333/eu-west-1/orders`,
    },
  ],
  total: 1,
  groupUrl: `${BASE}/alerts?state=all&group=x`,
  externalUrl: BASE,
});

describe("renderMessage", () => {
  it("gives a webhook the Alertmanager v4 shape, with permalinks", () => {
    const message = renderMessage("webhook", notice("new")) as Record<string, unknown>;
    expect(message).toMatchObject({
      version: "4",
      status: "firing",
      groupKey: "rule=failed,team=payments,subject=repo",
      receiver: "oncall",
      externalURL: BASE,
      commonLabels: { alertname: "failed", severity: "critical", team: "payments", function: "orders" },
      alerts: [
        {
          status: "firing",
          startsAt: "2026-12-01T00:00:00.000Z",
          endsAt: "0001-01-01T00:00:00Z",
          generatorURL: `${BASE}/alerts/abc123`,
          annotations: { function_url: `${BASE}/functions/111122223333/eu-west-1/orders` },
        },
      ],
    });
    expect(renderMessage("webhook", notice("resolved"))).toMatchObject({
      status: "resolved",
      alerts: [{ status: "resolved", endsAt: "2026-12-01T00:00:00.000Z" }],
    });
  });

  it("gives PagerDuty trigger, acknowledge and resolve with one dedup key per group, without the routing key", () => {
    const trigger = renderMessage("pagerduty", notice("new")) as Record<string, unknown>;
    const key = pagerDutyDedupKey("rule=failed,team=payments,subject=repo");
    expect(trigger).toMatchObject({ event_action: "trigger", dedup_key: key, payload: { severity: "critical" } });
    expect(trigger).not.toHaveProperty("routing_key");
    expect(renderMessage("pagerduty", notice("acknowledged"))).toEqual({ event_action: "acknowledge", dedup_key: key });
    expect(renderMessage("pagerduty", notice("resolved"))).toEqual({ event_action: "resolve", dedup_key: key });
  });

  it("gives Slack a text fallback and blocks, with the links and escaped mrkdwn", () => {
    const message = renderMessage("slack", notice("escalated")) as {
      text: string;
      blocks: { text?: { text: string } }[];
    };
    expect(message.text).toBe(
      `Escalated: Failed [critical]: orders · team payments · repo ${BASE}/alerts?state=all&group=x`,
    );
    expect(message.blocks[1]?.text?.text).toContain(
      `<${BASE}/alerts/abc123|orders> Failed (ImageDeleted): invocations fail &lt;now&gt;`,
    );
  });

  it("says what a baseline watches, in one message", () => {
    const baseline: BaselineNotice = {
      kind: "baseline",
      channel: "oncall",
      at: AT,
      functions: 500,
      worstSeverity: "critical",
      lines: [
        { text: "5 failed", url: `${BASE}/alerts?rule=failed` },
        { text: "177 deprecated runtime", url: `${BASE}/alerts?rule=deprecated-runtime` },
      ],
      url: `${BASE}/alerts`,
      externalUrl: BASE,
    };
    expect((renderMessage("slack", baseline) as { text: string }).text).toBe(
      `ImageFleet is watching 500 functions: 5 failed, 177 deprecated runtime ${BASE}/alerts`,
    );
    expect(dedupeKey("oncall", baseline)).toBe("oncall:baseline");
  });
});

describe("dedupeKey", () => {
  it("is one per channel, group event and time", () => {
    expect(dedupeKey("oncall", notice("new"))).toBe(
      "oncall:group:new:rule=failed,team=payments,subject=repo:2026-12-01T00:00:00.000Z",
    );
  });
});
