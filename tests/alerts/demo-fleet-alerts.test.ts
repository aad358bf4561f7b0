// The alert stream of the demo fleet (500 functions, seed 7) as a new user meets it: on the first
// cycle and after a simulated day, critical alerts stay within what the simulator's ground truth
// says is broken or about to break.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { DAY_MS, MINUTE_MS } from "@/lib/analysis/time";
import { releasesFromSimulatorCatalog, seedCatalog } from "@/lib/catalog/seed";
import { Collector } from "@/lib/collector/collector";
import { configSchema } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { simulatorCollectorOptions } from "@/lib/server/demo-fleet";
import { type Simulator, startSimulator } from "@/lib/simulator";

const config = configSchema.parse({});
let sim: Simulator;
let collector: Collector;

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, functions: 500, speed: 0, startTime: new Date("2026-12-07T09:00:00Z") });
  collector = new Collector(simulatorCollectorOptions(sim, config));
  await seedCatalog(releasesFromSimulatorCatalog(sim.truth.baseImageCatalog()));
});

afterAll(async () => {
  collector?.close();
  await sim?.close();
});

/**
 * Names of the functions the ground truth calls broken now or within a day: Failed, Pending,
 * Inactive, on an image ECR no longer holds (or loses within a day), or going Inactive or Failed
 * within a day.
 */
function brokenOrAboutToBreak(now: Date): Set<string> {
  const soon = now.getTime() + DAY_MS;
  const names = sim.truth.functions({ withState: true }).flatMap((fn) => {
    const state = fn.state!.state;
    const imageGone = (fn.image?.deletedAt ?? null) !== null && fn.image!.deletedAt!.getTime() <= soon;
    const fateSoon = fn.imageFate !== null && fn.imageFate.at.getTime() <= soon;
    const next = sim.truth.nextTransition(fn.arn, now, 1);
    const breaksSoon = next !== undefined && (next.to === "Inactive" || next.to === "Failed");
    return state === "Failed" || state === "Pending" || state === "Inactive" || imageGone || fateSoon || breaksSoon
      ? [fn.name]
      : [];
  });
  return new Set(names);
}

async function openAlerts() {
  return db.alert.findMany({
    where: { state: { in: ["open", "acknowledged"] } },
    select: { rule: true, severity: true, functionName: true },
  });
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
  const criticalFunctions = new Set(critical.map((alert) => alert.functionName!));
  expect([...criticalFunctions].filter((name) => !broken.has(name))).toEqual([]);
  expect(criticalFunctions.size).toBeLessThanOrEqual(broken.size);
  return { alerts, critical, broken };
}

describe("demo fleet alerts", () => {
  it("raises critical only for functions broken now or within a day, on the first cycle", async () => {
    const { critical } = await checkCycle("first cycle");
    expect(critical.some((alert) => alert.rule === "failed")).toBe(true);
  });

  it("and still after a simulated day", async () => {
    sim.clock.advance(24 * 60 * MINUTE_MS);
    await checkCycle("after 24 h");
  });
});
