import { describe, expect, it } from "vitest";
import { renderMessage } from "./messages";
import { type AlertNotice, dedupeKey } from "./notice";

const notice = (event: AlertNotice["event"]): AlertNotice => ({
  kind: "alert",
  event,
  at: new Date("2026-12-01T00:00:00Z"),
  alert: {
    id: "abc123",
    rule: "failed",
    severity: "critical",
    title: "Failed",
    reason: "Failed (ImageDeleted): invocations fail <now>",
    accountId: "111122223333",
    region: "eu-west-1",
    functionName: "orders",
    team: "payments",
  },
});
const LINK = "https://imagefleet.example.com/alerts/abc123";

describe("renderMessage", () => {
  it("gives a generic webhook the event, the alert and the permalink as JSON fields", () => {
    expect(renderMessage("webhook", notice("open"), LINK)).toEqual({
      kind: "alert",
      event: "open",
      at: "2026-12-01T00:00:00.000Z",
      alert: notice("open").alert,
      permalink: LINK,
    });
  });

  it("gives Slack a text fallback and blocks, with the permalink and escaped mrkdwn", () => {
    const message = renderMessage("slack", notice("resolve"), LINK) as {
      text: string;
      blocks: { text?: { text: string } }[];
    };
    expect(message.text).toContain("Resolved [critical] Failed: orders");
    expect(message.text).toContain(LINK);
    expect(message.blocks[0]?.text?.text).toContain(`<${LINK}|Failed>`);
    expect(message.blocks[1]?.text?.text).toBe("Failed (ImageDeleted): invocations fail &lt;now&gt;");
  });
});

describe("dedupeKey", () => {
  it("is one per channel, event and alert; escalations also by time", () => {
    expect(dedupeKey("oncall", notice("open"))).toBe("oncall:open:abc123");
    expect(dedupeKey("oncall", notice("escalate"))).toBe("oncall:escalate:abc123:2026-12-01T00:00:00.000Z");
  });
});
