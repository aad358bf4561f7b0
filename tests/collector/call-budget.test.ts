// What steady-state collection costs in API calls, against reading every function's state each
// cycle. Prints the figure; rerun with: npx vitest run --project integration tests/collector/call-budget.test.ts
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTE_MS } from "@/lib/analysis/time";
import { db } from "@/lib/db/client";
import { type SimulatedFleet, simulatedFleet } from "./simulated-fleet";

const CYCLE_MS = 5 * MINUTE_MS; // collector.intervalSeconds default
const CYCLES_PER_HOUR = 12;

let fleet: SimulatedFleet;

beforeAll(async () => {
  // Every account × region at once: a cycle's time goes to waiting on the simulated Insights
  // queries, which overlap across units; the calls each unit makes do not depend on it.
  fleet = await simulatedFleet({ seed: 5, functions: 120 }, { collector: { accountConcurrency: 18 } });
  await fleet.collector.runCycle("manual"); // first sight: not steady state
});

afterAll(() => fleet?.close());

describe("steady-state API budget", () => {
  it("spends a fraction of a full GetFunction sweep", async () => {
    const steadyFrom = new Date(fleet.sim.clock.now() + 1);
    for (let i = 0; i < CYCLES_PER_HOUR; i++) {
      fleet.sim.clock.advance(CYCLE_MS);
      await fleet.collector.runCycle("schedule");
    }
    const runs = await db.pollRun.findMany({ where: { startedAt: { gte: steadyFrom } } });
    const functions = fleet.sim.truth.functions().length;
    const calls: Record<string, number> = {};
    for (const run of runs) {
      for (const [api, n] of Object.entries(JSON.parse(run.calls) as Record<string, number>))
        calls[api] = (calls[api] ?? 0) + n;
    }
    const perFunctionHour = (n: number) => n / functions;
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    const lambda = (calls["lambda:GetFunction"] ?? 0) + (calls["lambda:ListFunctions"] ?? 0);
    // A full sweep reads every function every cycle, on top of the same listing.
    const fullSweep = functions * CYCLES_PER_HOUR + (calls["lambda:ListFunctions"] ?? 0);
    const lines = Object.entries(calls)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([api, n]) => `  ${api.padEnd(36)} ${perFunctionHour(n).toFixed(3)}`);
    console.log(
      [
        `steady state, ${functions} functions, ${CYCLES_PER_HOUR} cycles of ${CYCLE_MS / MINUTE_MS} min (calls per function per hour):`,
        ...lines,
        `  ${"all APIs".padEnd(36)} ${perFunctionHour(total).toFixed(3)}`,
        `  ${"Lambda (ListFunctions + GetFunction)".padEnd(36)} ${perFunctionHour(lambda).toFixed(3)}`,
        `  ${"Lambda with a full GetFunction sweep".padEnd(36)} ${perFunctionHour(fullSweep).toFixed(3)}`,
      ].join("\n"),
    );
    expect(runs).toHaveLength(CYCLES_PER_HOUR * 5 * 3);
    expect(lambda).toBeLessThan(fullSweep / 3);
    // Every function was read at least once within the sweep interval (an hour).
    const stale = await db.function.count({ where: { stateReadAt: { lt: steadyFrom } } });
    expect(stale).toBe(0);
  });
});
