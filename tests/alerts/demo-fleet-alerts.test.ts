// The alert stream of the demo fleet (500 functions, seed 7) as a new user meets it: on the first
// cycle and after a simulated day, critical alerts stay within what the simulator's ground truth
// says is broken or about to break.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { deliverDueNotifications } from "@/lib/alerts/notify/deliver";
import { routesAlert } from "@/lib/alerts/notify/routing";
import { DEFAULT_PAGE_SIZE } from "@/lib/alerts/view";
import type { Severity } from "@/lib/analysis/rules/finding";
import { DAY_MS, MINUTE_MS } from "@/lib/analysis/time";
import { releasesFromSimulatorCatalog, seedCatalog } from "@/lib/catalog/seed";
import { Collector } from "@/lib/collector/collector";
import { configSchema, type ImageFleetConfig } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { listAlertGroups } from "@/lib/db/queries/alerts";
import { simulatorCollectorOptions } from "@/lib/server/demo-fleet";
import { type Simulator, startSimulator } from "@/lib/simulator";
import { type Receiver, startReceiver } from "./support/receiver";

let receiver: Receiver;
let config: ImageFleetConfig;
let sim: Simulator;
let collector: Collector;

beforeAll(async () => {
  receiver = await startReceiver();
  config = configSchema.parse({
    alerts: {
      channels: [
        { name: "everything", type: "webhook", url: `${receiver.url}/all`, minSeverity: "info" },
        { name: "oncall", type: "pagerduty", url: `${receiver.url}/pd`, routingKey: "key", minSeverity: "critical" },
        { name: "team-slack", type: "slack", url: `${receiver.url}/slack`, minSeverity: "warning" },
      ],
    },
  });
  sim = await startSimulator({ seed: 7, functions: 500, speed: 0, startTime: new Date("2026-12-07T09:00:00Z") });
  collector = new Collector(simulatorCollectorOptions(sim, config));
  await seedCatalog(releasesFromSimulatorCatalog(sim.truth.baseImageCatalog()));
});

afterAll(async () => {
  await receiver?.close();
  collector?.close();
  await sim?.close();
});

/**
 * Names of the functions the ground truth calls broken now or within a day: Failed, Pending,
 * Inactive, on an image ECR no longer holds (or loses within a day, or at the next push, by its
 * lifecycle policy), or going Inactive or Failed within a day.
 */
/** An image function whose ECR lifecycle policy deletes a digest it runs within a day, or at the next push. */
function expiresSoon(fn: { name: string; packageType: string }, soon: number): boolean {
  if (fn.packageType !== "Image") return false;
  return sim.truth.imageSafety(fn.name).digests.some(({ lifecycle }) => {
    if (lifecycle?.status !== "expires") return false;
    return lifecycle.expiresAt ? lifecycle.expiresAt.getTime() <= soon : (lifecycle.pushesLeft ?? Infinity) <= 1;
  });
}

function brokenOrAboutToBreak(now: Date): Set<string> {
  const soon = now.getTime() + DAY_MS;
  const names = sim.truth.functions({ withState: true }).flatMap((fn) => {
    const state = fn.state!.state;
    const imageGone = (fn.image?.deletedAt ?? null) !== null && fn.image!.deletedAt!.getTime() <= soon;
    const fateSoon = fn.imageFate !== null && fn.imageFate.at.getTime() <= soon;
    const next = sim.truth.nextTransition(fn.arn, now, 1);
    const breaksSoon = next !== undefined && (next.to === "Inactive" || next.to === "Failed");
    return state === "Failed" ||
      state === "Pending" ||
      state === "Inactive" ||
      imageGone ||
      fateSoon ||
      breaksSoon ||
      expiresSoon(fn, soon)
      ? [fn.name]
      : [];
  });
  return new Set(names);
}

async function openAlerts() {
  return db.alert.findMany({
    where: { state: { in: ["open", "acknowledged"] } },
    select: { id: true, rule: true, severity: true, functionName: true, team: true, groupKey: true },
  });
}

/** Each channel's groups and their worst severity, as its routing sees them. */
async function channelGroups(): Promise<Map<string, Map<string, Severity>>> {
  const alerts = await openAlerts();
  const rank = { info: 0, warning: 1, critical: 2 };
  return new Map(
    config.alerts.channels.map((channel) => {
      const groups = new Map<string, Severity>();
      for (const alert of alerts) {
        const severity = alert.severity as Severity;
        if (!routesAlert(channel, { ...alert, severity })) continue;
        const worst = groups.get(alert.groupKey);
        if (worst === undefined || rank[severity] > rank[worst]) groups.set(alert.groupKey, severity);
      }
      return [channel.name, groups];
    }),
  );
}

/** Messages each channel got since the last call. */
async function deliveredPerChannel(now: Date): Promise<Record<string, number>> {
  receiver.received.length = 0;
  await deliverDueNotifications({ channels: config.alerts.channels, now });
  const counts: Record<string, number> = { everything: 0, oncall: 0, "team-slack": 0 };
  for (const { path } of receiver.received) {
    const name = path === "/all" ? "everything" : path === "/pd" ? "oncall" : "team-slack";
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

async function checkCycle(label: string) {
  await collector.runCycle("manual");
  const now = sim.truth.now();
  await evaluateAlerts({ now, config });
  const alerts = await openAlerts();
  const critical = alerts.filter((alert) => alert.severity === "critical");
  const broken = brokenOrAboutToBreak(now);
  const count = (keys: string[]) =>
    Object.fromEntries([...new Set(keys)].map((k) => [k, keys.filter((x) => x === k).length]));
  // The figures the README quotes; the assertions below are what must hold.
  console.info(
    label,
    JSON.stringify({
      alerts: alerts.length,
      severity: count(alerts.map((alert) => alert.severity)),
      criticalByRule: count(critical.map((alert) => alert.rule)),
      brokenOrAboutToBreak: broken.size,
    }),
  );
  // Every critical alert is in a group on the first page of /alerts (worst groups first).
  const firstPage = await listAlertGroups({ state: "active", page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const shown = new Set(firstPage.groups.flatMap((group) => group.members.map((member) => member.id)));
  expect(critical.filter((alert) => !shown.has(alert.id))).toEqual([]);
  if (critical.length > 0) expect(firstPage.groups[0]?.worstSeverity).toBe("critical");
  const criticalFunctions = new Set(critical.map((alert) => alert.functionName!));
  expect([...criticalFunctions].filter((name) => !broken.has(name))).toEqual([]);
  expect(criticalFunctions.size).toBeLessThanOrEqual(broken.size);
  return { alerts, critical, broken };
}

describe("demo fleet alerts", () => {
  let before: Map<string, Map<string, Severity>>;

  it("raises critical only for functions broken now or within a day, on the first cycle, with one digest per channel", async () => {
    const { critical } = await checkCycle("first cycle");
    expect(critical.some((alert) => alert.rule === "failed")).toBe(true);
    expect(await deliveredPerChannel(sim.truth.now())).toEqual({ everything: 1, oncall: 1, "team-slack": 1 });
    before = await channelGroups();
  }, 300_000);

  it("and still after a simulated day, with at most one message per group change", async () => {
    sim.clock.advance(24 * 60 * MINUTE_MS);
    await checkCycle("after 24 h");
    const after = await channelGroups();
    const sent = await deliveredPerChannel(sim.truth.now());
    const changes: Record<string, number> = {};
    for (const [channel, groups] of after) {
      const was = before.get(channel)!;
      const rank = { info: 0, warning: 1, critical: 2 };
      const changed = [...groups].filter(([key, severity]) => !was.has(key) || rank[severity] > rank[was.get(key)!]);
      const gone = [...was.keys()].filter((key) => !groups.has(key));
      // Critical groups still open after the repeat interval are repeated once.
      const repeated = [...groups].filter(([key, severity]) => was.has(key) && severity === "critical");
      changes[channel] = changed.length + gone.length + repeated.length;
    }
    console.info("after 24 h", JSON.stringify({ sent, changes }));
    for (const channel of Object.keys(sent)) expect(sent[channel]).toBeLessThanOrEqual(changes[channel]!);
  }, 600_000);
});
