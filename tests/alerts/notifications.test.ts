import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as alertRoute from "@/app/api/alerts/[id]/route";
import * as listRoute from "@/app/api/alerts/route";
import { acknowledgeAlert } from "@/lib/alerts/actions";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { deliverDueNotifications } from "@/lib/alerts/notify/deliver";
import { sendToChannels } from "@/lib/alerts/notify/send";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { digest, later, NOW, seedAccount, seedFunction, testConfig, updateFunction } from "./support/fleet";
import { alertmanagerV4, pagerDutyV2, slackMessage } from "./support/payload-schemas";
import { type Receiver, startReceiver } from "./support/receiver";

const SECRET = "T0SECRET/B0SECRET/xoxb-very-secret-token";
let receiver: Receiver;
let config: ReturnType<typeof testConfig>;
const logged: string[] = [];

const deliver = (now: Date) => deliverDueNotifications({ channels: config.alerts.channels, now });

const PD_KEY = "R0UTINGKEYSECRET0000000000000000";

/** Every body the receiver got, checked against its format's schema. */
function checkedBodies() {
  return receiver.received.map(({ path, body }) => {
    const schema = path.startsWith("/services/")
      ? slackMessage
      : path.startsWith("/pd/")
        ? pagerDutyV2
        : alertmanagerV4;
    const parsed = schema.safeParse(body);
    expect(parsed.error, `${path}: ${JSON.stringify(body)}`).toBeUndefined();
    return { path, body: body as Record<string, unknown> };
  });
}

const bodyFrom = (prefix: string) => receiver.received.find((r) => r.path.startsWith(prefix))?.body;
const byPath = (prefix: string) => checkedBodies().filter((r) => r.path.startsWith(prefix));

describe("notifications", () => {
  beforeAll(async () => {
    receiver = await startReceiver();
    config = testConfig({
      alerts: {
        publicBaseUrl: "https://imagefleet.example.com/",
        channels: [
          { name: "oncall-webhook", type: "webhook", url: `${receiver.url}/hooks/${SECRET}` },
          { name: "team-slack", type: "slack", url: `${receiver.url}/services/${SECRET}`, teams: ["payments"] },
          { name: "other-team", type: "webhook", url: `${receiver.url}/other/${SECRET}`, teams: ["data"] },
          {
            name: "pager",
            type: "pagerduty",
            url: `${receiver.url}/pd/enqueue`,
            routingKey: PD_KEY,
            minSeverity: "critical",
          },
        ],
      },
    });
    for (const level of ["debug", "info", "warn", "error"] as const) {
      vi.spyOn(log, level).mockImplementation((...args: unknown[]) => {
        logged.push(JSON.stringify(args));
      });
    }
    await seedAccount(db);
    await seedFunction(db, {
      name: "orders",
      state: "Failed",
      stateReasonCode: "ImageDeleted",
      image: { digest: digest(1) },
    });
  });

  afterAll(() => receiver.close());

  it("starts each channel with one baseline digest, not a message per alert", async () => {
    expect(await evaluateAlerts({ now: NOW, config })).toMatchObject({ opened: 1 });
    expect(await deliver(NOW)).toEqual({ sent: 4, retrying: 0, failed: 0 });
    await evaluateAlerts({ now: NOW, config });
    expect(await deliver(later(60_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const [webhook] = byPath("/hooks/");
    expect(webhook!.body).toMatchObject({
      version: "4",
      groupLabels: { alertname: "ImageFleetBaseline" },
      commonAnnotations: { summary: "ImageFleet is watching 1 functions: 1 failed" },
    });
    expect(JSON.stringify(webhook!.body)).toContain("https://imagefleet.example.com/alerts?rule=failed");
    const [slack] = byPath("/services/");
    expect((slack!.body as { text: string }).text).toBe(
      "ImageFleet is watching 1 functions: 1 failed https://imagefleet.example.com/alerts",
    );
    expect((byPath("/other/")[0]!.body as { commonAnnotations: { summary: string } }).commonAnnotations.summary).toBe(
      "ImageFleet is watching 1 functions: nothing needs attention",
    );
    // The integration key travels in the posted body only, never in what is stored.
    expect(byPath("/pd/")[0]!.body).toMatchObject({ routing_key: PD_KEY, event_action: "trigger" });
    expect(JSON.stringify(await db.notification.findMany())).not.toContain(PD_KEY);
  });

  it("resolves and reopens a group with one message per channel that heard of it, after a 500 retried with backoff", async () => {
    receiver.received.length = 0;
    await updateFunction(db, "orders", { state: "Active", stateReasonCode: null });
    const at = later(3_600_000);
    expect(await evaluateAlerts({ now: at, config })).toMatchObject({ resolved: 1 });

    receiver.failNext(500);
    expect(await deliver(at)).toEqual({ sent: 2, retrying: 1, failed: 0 });
    const pending = await db.notification.findFirstOrThrow({ where: { status: "pending" } });
    expect(pending).toMatchObject({ attempts: 1, lastError: "HTTP 500", nextAttemptAt: later(30_000, at) });
    expect(await deliver(later(10_000, at))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await deliver(later(30_000, at))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(byPath("/other/")).toEqual([]);
    const resolved = byPath("/hooks/").at(-1)!.body as { status: string; alerts: { generatorURL: string }[] };
    expect(resolved.status).toBe("resolved");
    expect(resolved.alerts[0]!.generatorURL).toMatch(/^https:\/\/imagefleet\.example\.com\/alerts\/[\w-]+$/);
    expect(byPath("/pd/").at(-1)!.body).toMatchObject({ event_action: "resolve", routing_key: PD_KEY });

    receiver.received.length = 0;
    await updateFunction(db, "orders", { state: "Failed", stateReasonCode: "ImageDeleted" });
    const again = later(2 * 3_600_000);
    expect(await evaluateAlerts({ now: again, config })).toMatchObject({ opened: 1 });
    expect(await deliver(again)).toEqual({ sent: 3, retrying: 0, failed: 0 });
    const trigger = byPath("/pd/")[0]!.body as { dedup_key: string; links: { href: string }[] };
    expect(trigger.links.map((link) => link.href)).toEqual([
      expect.stringContaining("https://imagefleet.example.com/alerts?state=all&group="),
      expect.stringMatching(/^https:\/\/imagefleet\.example\.com\/alerts\//),
      expect.stringContaining("https://imagefleet.example.com/functions/111122223333/eu-west-1/orders?"),
    ]);
  });

  it("repeats an open group at most every repeatIntervalHours, and not once it is acknowledged", async () => {
    receiver.received.length = 0;
    const again = later(2 * 3_600_000);
    await evaluateAlerts({ now: later(20 * 3_600_000, again), config });
    expect(await deliver(later(20 * 3_600_000, again))).toMatchObject({ sent: 0 });
    await evaluateAlerts({ now: later(24 * 3_600_000, again), config });
    expect(await deliver(later(24 * 3_600_000, again))).toMatchObject({ sent: 3 });
    expect(byPath("/services/")[0]!.body).toMatchObject({ text: expect.stringMatching(/^Still open: Failed/) });

    receiver.received.length = 0;
    const [alert] = await db.alert.findMany({ where: { state: "open" } });
    expect(await acknowledgeAlert(alert!.id, { by: "sam", note: "on it", now: later(25 * 3_600_000, again) })).toBe(
      "ok",
    );
    await evaluateAlerts({ now: later(25 * 3_600_000, again), config });
    await deliver(later(25 * 3_600_000, again));
    // PagerDuty and Slack hear of the acknowledgement; an Alertmanager receiver has no such status.
    expect(byPath("/pd/").map((r) => r.body.event_action)).toEqual(["acknowledge"]);
    expect(byPath("/hooks/")).toEqual([]);
    expect(byPath("/services/")).toHaveLength(1);
    await evaluateAlerts({ now: later(50 * 3_600_000, again), config });
    expect(await deliver(later(50 * 3_600_000, again))).toMatchObject({ sent: 0 });
  });

  it("sends a report digest through the same channels, once", async () => {
    receiver.received.length = 0;
    const digestNotice = {
      kind: "digest" as const,
      reportId: "2026-W49:payments",
      team: "payments",
      title: "Weekly report · payments · 2026-W49",
      summary: "3 functions idle",
      url: "https://imagefleet.example.com/reports/2026-W49?team=payments",
    };
    expect(await sendToChannels([digestNotice], { config, now: later(7_200_000) })).toBe(2);
    expect(await deliver(later(7_200_000))).toMatchObject({ sent: 2 });
    // Slack gets Block Kit; a webhook gets the report in its own shape (it is not an alert).
    expect(slackMessage.safeParse(bodyFrom("/services/")).success).toBe(true);
    expect(bodyFrom("/hooks/")).toMatchObject({ kind: "digest", report: { id: "2026-W49:payments" } });
    expect(await sendToChannels([digestNotice], { config, now: later(7_300_000) })).toBe(0);
    expect(await deliver(later(7_300_000))).toMatchObject({ sent: 0 });
    expect(receiver.received).toHaveLength(2);
  });

  it("never shows a channel URL in logs or API answers", async () => {
    const list = await (await listRoute.GET(new Request("http://localhost/api/alerts?state=all"))).json();
    const id = list.alerts[0].id as string;
    const detail = await alertRoute.GET(new Request(`http://localhost/api/alerts/${id}`), {
      params: Promise.resolve({ id }),
    });
    const text = await detail.text();
    expect(JSON.parse(text).notifications.map((n: { channel: string }) => n.channel)).toContain("team-slack");
    expect(logged.length).toBeGreaterThan(0);
    for (const answer of [JSON.stringify(list), text, ...logged]) {
      expect(answer).not.toContain(SECRET);
      expect(answer).not.toContain(receiver.url);
    }
    const stored = await db.notification.findMany();
    expect(JSON.stringify(stored)).not.toContain(SECRET);
  });

  it("gives up after the last attempt and says why, without the URL", async () => {
    const gone = await startReceiver();
    await gone.close();
    const down = testConfig({
      alerts: { channels: [{ name: "down", type: "webhook", url: `${gone.url}/${SECRET}` }] },
    });
    await updateFunction(db, "orders", { state: "Failed", stateReasonCode: "ImageDeleted" });
    let now = later(10 * 3_600_000);
    await evaluateAlerts({ now, config: down });
    for (let attempt = 0; attempt < 8; attempt++) {
      await deliverDueNotifications({ channels: down.alerts.channels, now });
      now = later(3_600_000, now);
    }
    const failed = await db.notification.findFirstOrThrow({ where: { channel: "down" } });
    expect(failed).toMatchObject({ status: "failed", attempts: 8, lastError: "ECONNREFUSED" });
  });
});
