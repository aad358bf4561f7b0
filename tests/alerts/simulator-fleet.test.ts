// The rules over a fleet the collector gathered from the simulator, against its ground truth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { runtimeStatus } from "@/lib/analysis/runtimes";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import { releasesFromSimulatorCatalog, seedCatalog } from "@/lib/catalog/seed";
import { Collector } from "@/lib/collector/collector";
import { configSchema } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { simulatorCollectorOptions } from "@/lib/server/demo-fleet";
import { type Simulator, startSimulator } from "@/lib/simulator";
import type { FunctionTruth } from "@/lib/simulator/truth";

const config = configSchema.parse({});
let sim: Simulator;
let collector: Collector;
let truth: FunctionTruth[];
let now: Date;

beforeAll(async () => {
  sim = await startSimulator({ seed: 12, functions: 120, speed: 0, startTime: new Date("2026-10-05T08:20:00Z") });
  collector = new Collector(simulatorCollectorOptions(sim, config));
  await collector.runCycle("manual");
  await seedCatalog(releasesFromSimulatorCatalog(sim.truth.baseImageCatalog()));
  now = sim.truth.now();
  await evaluateAlerts({ now, config });
  truth = sim.truth.functions({ withState: true });
});

afterAll(async () => {
  collector?.close();
  await sim?.close();
});

async function flagged(rule: string): Promise<string[]> {
  const alerts = await db.alert.findMany({ where: { rule, state: "open" }, select: { functionName: true } });
  return alerts.map((alert) => alert.functionName!).sort();
}

const names = (fns: FunctionTruth[]) => fns.map((fn) => fn.name).sort();

/** Invoked in the warning days before now, at the hourly resolution the collector reads "last invoked" in. */
function invokedRecently(fn: FunctionTruth): boolean {
  const warnMs = config.idle.warnDays * DAY_MS;
  const points = sim.truth.metric(fn.name, "Invocations", "Sum", now.getTime() - warnMs - HOUR_MS, now, 3600);
  return points.some((point) => point.value > 0 && now.getTime() - point.timestamp < warnMs);
}

/** Repositories revoked or images deleted: ECR cannot show the collector their layers. */
const imageUnreadable = (fn: FunctionTruth) =>
  fn.imageFate?.kind === "ImageAccessDenied" || fn.image?.deletedAt != null;

describe("rules on the simulated fleet", () => {
  it("finds exactly the Inactive and Failed functions", async () => {
    const inactive = truth.filter((fn) => fn.state!.state === "Inactive");
    const failed = truth.filter((fn) => fn.state!.state === "Failed");
    expect(inactive.length + failed.length).toBeGreaterThan(0);
    expect(await flagged("inactive")).toEqual(names(inactive));
    expect(await flagged("failed")).toEqual(names(failed));
  });

  it("finds exactly the Active image functions idle for at least the warning days", async () => {
    const idle = truth.filter((fn) => {
      return fn.packageType === "Image" && fn.state!.state === "Active" && !invokedRecently(fn);
    });
    expect(idle.length).toBeGreaterThan(0);
    expect(await flagged("idle-near-inactive")).toEqual(names(idle));
  });

  it("finds exactly the images behind on their base image", async () => {
    const behind = truth.filter((fn) => fn.image && fn.image.releasesBehindNow > 0 && !imageUnreadable(fn));
    expect(behind.length).toBeGreaterThan(0);
    expect(await flagged("base-image-behind")).toEqual(names(behind));
  });

  it("finds the deprecated runtimes, by AWS's deprecation table", async () => {
    // The simulator deprecates by its own calendar; the rule follows AWS's table, which has
    // deprecated more runtimes by now. Every runtime the simulator calls deprecated is in both.
    const readable = truth.filter((fn) => fn.packageType === "Zip" || !imageUnreadable(fn));
    const deprecated = readable.filter((fn) => runtimeStatus(fn.runtime, now).deprecated);
    const simulatorDeprecated = readable.filter((fn) => fn.image?.runtimeDeprecated);
    expect(simulatorDeprecated.length).toBeGreaterThan(0);
    const alerts = await db.alert.findMany({
      where: { rule: "deprecated-runtime", title: "Deprecated runtime", state: "open" },
      select: { functionName: true },
    });
    const found = alerts.map((alert) => alert.functionName!).sort();
    expect(found).toEqual(names(deprecated));
    expect(found).toEqual(expect.arrayContaining(names(simulatorDeprecated)));
  });

  it("changes nothing when evaluated again", async () => {
    expect(await evaluateAlerts({ now, config })).toEqual({ opened: 0, updated: 0, escalated: 0, resolved: 0 });
  });
});
