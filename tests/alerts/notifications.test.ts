import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as alertRoute from "@/app/api/alerts/[id]/route";
import * as listRoute from "@/app/api/alerts/route";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { deliverDueNotifications } from "@/lib/alerts/notify/deliver";
import { sendToChannels } from "@/lib/alerts/notify/send";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { digest, later, NOW, seedAccount, seedFunction, testConfig, updateFunction } from "./support/fleet";
import { type Receiver, startReceiver } from "./support/receiver";

const SECRET = "T0SECRET/B0SECRET/xoxb-very-secret-token";
let receiver: Receiver;
let config: ReturnType<typeof testConfig>;
const logged: string[] = [];

const deliver = (now: Date) => deliverDueNotifications({ channels: config.alerts.channels, now });

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

  it("sends the open message once to each routed channel, with the permalink", async () => {
    expect(await evaluateAlerts({ now: NOW, config })).toMatchObject({ opened: 1 });
    expect(await deliver(NOW)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    await evaluateAlerts({ now: NOW, config });
    expect(await deliver(later(60_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(receiver.received.map((r) => r.path).sort()).toEqual([`/hooks/${SECRET}`, `/services/${SECRET}`]);
    const webhook = receiver.received.find((r) => r.path.startsWith("/hooks/"))!.body as { alert: { id: string } };
    const { alert } = webhook;
    expect(webhook).toMatchObject({
      event: "open",
      alert: { rule: "failed", severity: "critical", functionName: "orders", accountId: "111122223333" },
      permalink: `https://imagefleet.example.com/alerts/${alert.id}`,
    });
    const slack = receiver.received.find((r) => r.path.startsWith("/services/"))!.body as {
      text: string;
      blocks: unknown[];
    };
    expect(slack.text).toContain("Opened [critical] Failed: orders");
    expect(slack.text).toContain(`https://imagefleet.example.com/alerts/${alert.id}`);
    expect(slack.blocks.length).toBeGreaterThan(0);
  });

  it("sends the resolve message once, after a 500 retried with backoff", async () => {
    receiver.received.length = 0;
    await updateFunction(db, "orders", { state: "Active", stateReasonCode: null });
    const at = later(3_600_000);
    expect(await evaluateAlerts({ now: at, config })).toMatchObject({ resolved: 1 });

    receiver.failNext(500);
    expect(await deliver(at)).toEqual({ sent: 1, retrying: 1, failed: 0 });
    const pending = await db.notification.findFirstOrThrow({ where: { status: "pending" } });
    expect(pending).toMatchObject({ attempts: 1, lastError: "HTTP 500", nextAttemptAt: later(30_000, at) });

    expect(await deliver(later(10_000, at))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await deliver(later(30_000, at))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliver(later(3_600_000, at))).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const resolves = receiver.received.filter((r) => JSON.stringify(r.body).match(/"event":"resolve"|Resolved/));
    expect(resolves).toHaveLength(3); // the refused attempt, then one per channel
    expect(await db.notification.count({ where: { event: "resolve", status: "sent" } })).toBe(2);
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
