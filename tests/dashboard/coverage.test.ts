// A fresh database after one collection of the simulated fleet: every step of a function's series is
// either the simulator's truth or null (not collected), never a zero standing in for "unknown".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import type { FunctionDetail } from "@/lib/contracts/function-detail";
import { db } from "@/lib/db/client";
import { fleetColdStarts } from "@/lib/db/queries/fleet-cold-starts";
import { fleetLifecycle } from "@/lib/db/queries/fleet-lifecycle";
import { fleetTopLists } from "@/lib/db/queries/fleet-top";
import { functionDetail } from "@/lib/db/queries/function-detail";
import { functionsPage } from "@/lib/db/queries/functions";
import { fleetView } from "@/lib/url-state/fleet-view";
import { functionsView } from "@/lib/url-state/functions-view";
import { type SimulatedFleet, START, simulatedFleet } from "../collector/simulated-fleet";

const WINDOW_FROM = new Date(START.getTime() - 60 * DAY_MS);
let fleet: SimulatedFleet;
let details: { arn: string; detail: FunctionDetail }[];

beforeAll(async () => {
  fleet = await simulatedFleet({ seed: 7, functions: 40, quotaScale: 0 });
  await fleet.collector.runCycle("once");
  const stored = await db.function.findMany({ where: { deletedAt: null }, orderBy: { arn: "asc" } });
  details = await Promise.all(
    stored.map(async (fn) => ({
      arn: fn.arn,
      detail: (await functionDetail(
        { accountId: fn.accountId, region: fn.region, name: fn.name },
        // Wider than any first-sight look-back, so part of it is before collection whatever the collector reads.
        { range: "7d", from: WINDOW_FROM.toISOString(), to: START.toISOString() },
        { now: START },
      ))!,
    })),
  );
});

afterAll(() => fleet?.close());

describe("coverage of a freshly collected function", () => {
  it("marks the window partly covered, from the start of the first collection to now", () => {
    expect(details.length).toBeGreaterThan(0);
    for (const { arn, detail } of details) {
      const { metrics, coldStarts } = detail.coverage;
      expect(metrics.complete, arn).toBe(false);
      expect(Date.parse(metrics.from!), arn).toBeGreaterThan(Date.parse(detail.window.from));
      expect(Date.parse(metrics.from!), arn).toBeLessThanOrEqual(Math.floor(START.getTime() / HOUR_MS) * HOUR_MS);
      expect(metrics.to, arn).toBe(START.toISOString());
      expect(coldStarts.to, arn).toBe(START.toISOString());
    }
  });

  it("gives every covered day the simulator's invocations and cold starts, and null before coverage", () => {
    let unknown = 0;
    for (const { arn, detail } of details) {
      const coveredFrom = Date.parse(detail.coverage.metrics.from!);
      const coldFrom = Date.parse(detail.coverage.coldStarts.from!);
      for (const point of detail.series) {
        const t = Date.parse(point.t);
        if (t + DAY_MS <= coveredFrom) {
          expect(point.invocations, `${arn} ${point.t}`).toBeNull();
          unknown += 1;
        } else if (t >= coveredFrom) {
          const truth = fleet.sim.truth.activity(arn, t, t + DAY_MS);
          expect(point.invocations, `${arn} ${point.t}`).toBe(truth.invocations);
          expect(point.errors, `${arn} ${point.t}`).toBe(truth.errors);
        }
        if (t + DAY_MS <= coldFrom) expect(point.coldStarts, `${arn} ${point.t}`).toBeNull();
        else if (t >= coldFrom) {
          expect(point.coldStarts, `${arn} ${point.t}`).toBe(fleet.sim.truth.coldStarts(arn, t, t + DAY_MS).length);
        }
      }
    }
    // Days before the first collection are unknown to us, not idle.
    expect(unknown).toBeGreaterThan(0);
  });

  it("flags the hour in progress as partial and sums totals over the covered span only", () => {
    for (const { arn, detail } of details) {
      const last = detail.series.at(-1)!;
      expect(last.partial, arn).toBe(true);
      // Before it, only the steps where a source's coverage begins mid-step (metrics and cold starts
      // each have their own start since the history backfill).
      const step = detail.window.step === "hour" ? 3_600_000 : 86_400_000;
      const starts = [detail.coverage.metrics.from, detail.coverage.coldStarts.from].map((t) => Date.parse(t!));
      const midStep = (p: { t: string }) => starts.some((s) => Date.parse(p.t) < s && s < Date.parse(p.t) + step);
      const partialBefore = detail.series.slice(0, -1).filter((p) => p.partial && p.invocations !== null);
      expect(partialBefore.every(midStep), arn).toBe(true);
      const from = Date.parse(detail.coverage.metrics.from!);
      expect(detail.totals.invocations, arn).toBe(fleet.sim.truth.activity(arn, from, START).invocations);
      const coldFrom = Date.parse(detail.coverage.coldStarts.from!);
      expect(detail.totals.coldStarts, arn).toBe(fleet.sim.truth.coldStarts(arn, coldFrom, START).length);
    }
  });
});

describe("idle and 'since' of Inactive and Failed functions on first sight", () => {
  const inState = (state: string) => details.filter(({ arn }) => fleet.sim.truth.stateAt(arn, START).state === state);

  it("says an Inactive function is Inactive since at least first sight, past the threshold, with no crossing date", () => {
    const inactive = inState("Inactive");
    expect(inactive.length).toBeGreaterThan(0);
    for (const { arn, detail } of inactive) {
      expect(detail.idle, arn).toMatchObject({ level: "past-threshold", predictedInactiveAt: null, failed: false });
      expect(detail.stateSince, arn).toMatchObject({ atLeast: true, evidence: "first-sight" });
      expect(detail.idle.inactiveSince, arn).toBe(detail.stateSince!.at);
      // Idle at least since the truth's last invocation, which lies before what we report.
      const lastInvoked = fleet.sim.truth.activity(arn, Date.parse(detail.idle.idleSince), START).invocations;
      expect(lastInvoked, arn).toBe(0);
    }
  });

  it("dates a Failed function from the onset of its failing invocations, never before the truth's transition", () => {
    const failed = inState("Failed");
    expect(failed.length).toBeGreaterThan(0);
    for (const { arn, detail } of failed) {
      expect(detail.idle, arn).toMatchObject({ failed: true, predictedInactiveAt: null });
      const transition = fleet.sim.truth.transitions(arn, 0, START).findLast((t) => t.to === "Failed")!;
      const since = detail.stateSince!;
      expect(Date.parse(since.at), arn).toBeGreaterThanOrEqual(Math.floor(transition.at.getTime() / HOUR_MS) * HOUR_MS);
      if (since.evidence === "errors") {
        const hour = fleet.sim.truth.activity(arn, Date.parse(since.at), Date.parse(since.at) + HOUR_MS);
        expect(hour.failedInvocations, arn).toBe(hour.invocations);
        expect(hour.invocations, arn).toBeGreaterThan(0);
      } else expect(since.atLeast, arn).toBe(since.evidence === "first-sight");
    }
  });

  it("dates the overview's Failed functions as their pages do", async () => {
    const top = await fleetTopLists(fleetView.schemas.api.parse({}), { now: START });
    expect(top.failed.length).toBeGreaterThan(0);
    for (const entry of top.failed) {
      const detail = details.find((d) => d.detail.id === entry.fn.id)!.detail;
      expect(entry, entry.fn.name).toMatchObject({
        since: detail.stateSince!.at,
        sinceAtLeast: detail.stateSince!.atLeast,
      });
    }
  });

  it("lists Inactive functions under the idle filter by their idle days, with 'Inactive since' in the row", async () => {
    const query = functionsView.schemas.api.parse({ idleMin: "14", pageSize: "200" });
    const page = await functionsPage(query, { now: START });
    const listed = new Map(page.rows.map((row) => [row.id, row]));
    for (const { detail } of inState("Inactive")) {
      const row = listed.get(detail.id);
      expect(row, detail.name).toBeDefined();
      expect(row).toMatchObject({ inactiveSince: detail.idle.inactiveSince, inactiveSinceAtLeast: true });
      expect(row!.idleDays).toBeGreaterThanOrEqual(14);
    }
  });
});

describe("the lifecycle chart of a fresh database", () => {
  it("starts at the first fleet snapshot: no counts before it, the simulator's states after", async () => {
    // Read a minute after the collection that took the first snapshot.
    const series = await fleetLifecycle(fleetView.schemas.api.parse({ range: "7d" }), {
      now: new Date(START.getTime() + 60_000),
    });
    const hourOfStart = Math.floor(START.getTime() / HOUR_MS) * HOUR_MS;
    expect(series.coverage.complete).toBe(false);
    expect(Date.parse(series.coverage.from!)).toBeGreaterThanOrEqual(START.getTime());
    for (const point of series.points.slice(0, -1)) {
      expect(Date.parse(point.t)).toBeLessThan(hourOfStart);
      expect(point, point.t).toMatchObject({ Active: null, Pending: null, Inactive: null, Failed: null });
    }
    const truth: Record<string, number> = { Active: 0, Pending: 0, Inactive: 0, Failed: 0 };
    for (const fn of fleet.sim.truth.functions({ withState: true })) {
      if (fn.state) truth[fn.state.state] = (truth[fn.state.state] ?? 0) + 1;
    }
    expect(series.points.at(-1)).toMatchObject(truth);
  });
});

describe("the fleet's cold-start chart of a fresh database", () => {
  it("says no function covers the week yet, has no figures before collection, and the simulator's after", async () => {
    const window = { from: WINDOW_FROM.toISOString(), to: START.toISOString() };
    const series = await fleetColdStarts(fleetView.schemas.api.parse(window), { now: START });
    expect(series.coverage).toMatchObject({ complete: false, fullyCovered: 0, functions: details.length });
    const from = Date.parse(series.coverage.from!);
    const arns = details.map((d) => d.arn);
    for (const point of series.points) {
      const t = Date.parse(point.t);
      if (t + DAY_MS <= from) expect(point.coldStarts, point.t).toBeNull();
      else if (t >= from) {
        const truth = arns.reduce((n, arn) => n + fleet.sim.truth.coldStarts(arn, t, t + DAY_MS).length, 0);
        expect(point.coldStarts, point.t).toBe(truth);
      }
    }
    expect(series.points.at(-1)!.partial).toBe(true);
  });
});
