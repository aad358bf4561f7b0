import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR_MS } from "@/lib/analysis/time";
import { weekBounds } from "@/lib/analysis/weeks";
import { runCollectionCycle } from "@/lib/collector/collector";
import { configSchema } from "@/lib/config/schema";
import { generateReport } from "@/lib/reports/generate";
import { loadReportView } from "@/lib/reports/load";
import type { ReportView } from "@/lib/reports/view";
import { READ_ONLY_ROLE_NAMES, REGIONS, REQUIRED_EXTERNAL_ID, type Simulator, startSimulator } from "@/lib/simulator";

// The demo fleet collected every 8 hours through ISO week 2026-W49 (UTC), then reported on:
// the report's figures must be the simulator's ground truth for that week.
const WEEK = "2026-W49";
const { start, end } = weekBounds(WEEK);
const CYCLE_MS = 8 * HOUR_MS;

const config = configSchema.parse({
  regions: [...REGIONS],
  organization: { discover: true, roleName: READ_ONLY_ROLE_NAMES[0], externalId: REQUIRED_EXTERNAL_ID },
});

let sim: Simulator;
let report: ReportView;

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, functions: 60, speed: 0, quotaScale: 0, startTime: start });
  const collect = () =>
    runCollectionCycle({
      config,
      aws: { endpoint: sim.url, credentials: { accessKeyId: "AKIAREPORTSTEST00001", secretAccessKey: "test" } },
      clock: () => new Date(sim.clock.now()),
      trigger: "once",
    });
  for (let at = start.getTime(); at <= end.getTime(); at += CYCLE_MS) {
    sim.clock.set(at);
    await collect();
  }
  await generateReport(WEEK, end, config);
  report = (await loadReportView(WEEK, null))!;
}, 600_000);

afterAll(async () => {
  await sim.close();
});

describe("a week of the simulated fleet", () => {
  it("counts the functions and the image share at the end of the week", () => {
    const truth = sim.truth.functions();
    const images = truth.filter((fn) => fn.packageType === "Image").length;
    expect(report.figures.inventory).toMatchObject({ functions: truth.length, imageFunctions: images });
  });

  it("sums invocations and cold starts exactly as the fleet produced them", () => {
    let invocations = 0;
    let coldStarts = 0;
    for (const fn of sim.truth.functions()) {
      invocations += sim.truth.activity(fn.arn, start, end).invocations;
      coldStarts += sim.truth.coldStarts(fn.arn, start, end).length;
    }
    expect(report.figures.coldStarts).toMatchObject({ invocations, coldStarts });
  });

  it("lists the functions that went Inactive or Failed during the week", () => {
    const polls = (at: Date) => start.getTime() + Math.ceil((at.getTime() - start.getTime()) / CYCLE_MS) * CYCLE_MS;
    // States are observed when polled: one left again before the next poll goes unseen.
    const wentTo = (state: string, observable: boolean) =>
      sim.truth
        .functions()
        .filter((fn) =>
          sim.truth
            .transitions(fn.arn, start, end)
            .some((t) => t.to === state && (!observable || sim.truth.stateAt(fn.arn, polls(t.at)).state === state)),
        )
        .map((fn) => fn.name)
        .sort();
    const listed = (list: ReportView["figures"]["lifecycle"]["wentInactive"]) =>
      list.items.map((e) => e.function.name).sort();
    for (const [state, list] of [
      ["Inactive", report.figures.lifecycle.wentInactive],
      ["Failed", report.figures.lifecycle.wentFailed],
    ] as const) {
      expect(wentTo(state, false)).toEqual(expect.arrayContaining(listed(list)));
      expect(listed(list)).toEqual(expect.arrayContaining(wentTo(state, true)));
    }
    expect(report.figures.lifecycle.wentInactive.count + report.figures.lifecycle.wentFailed.count).toBeGreaterThan(0);
  });

  it("counts what the first collection found apart from the week's new functions, and the states at its end", () => {
    const truth = sim.truth.functions();
    const createdInWeek = truth.filter((fn) => fn.createdAt > start).map((fn) => fn.name);
    const inventory = report.figures.inventory;
    expect(inventory.created.items.map((f) => f.name).sort()).toEqual(createdInWeek.sort());
    expect(inventory.firstCollection).toBeGreaterThanOrEqual(truth.length - createdInWeek.length);
    expect(inventory.firstCollection).toBeGreaterThan(0);

    // The week's last poll before its end is what the report knew of each state.
    const lastPoll = end.getTime() - CYCLE_MS;
    const states: Record<string, number> = {};
    for (const fn of truth.filter((f) => f.createdAt.getTime() <= lastPoll)) {
      const state = sim.truth.stateAt(fn.arn, lastPoll).state;
      states[state] = (states[state] ?? 0) + 1;
    }
    expect(inventory.statesAtEnd).toEqual(states);
  });

  it("is published, byte-stable when generated again", async () => {
    const first = await generateReport(WEEK, end, config);
    sim.clock.set(end.getTime() + CYCLE_MS);
    const again = await generateReport(WEEK, new Date(sim.clock.now()), config);
    expect(again.map((r) => r.body)).toEqual(first.map((r) => r.body));
    expect(report.provisional).toBe(false);
  });
});
