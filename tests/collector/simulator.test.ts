// The collector against the fleet simulator, compared with the simulator's ground truth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/analysis/time";
import { Collector, type CycleSummary } from "@/lib/collector/collector";
import { configSchema } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { REGIONS, REQUIRED_EXTERNAL_ID } from "@/lib/simulator";
import { type SimulatedFleet, simulatedFleet } from "./simulated-fleet";

let fleet: SimulatedFleet;
let first: CycleSummary;

beforeAll(async () => {
  // A weekly sweep, so that only the targeted state reads (new, changed, not Active, idle risk) happen between
  // cycles. Seed 12 has a function going idle 18 minutes after the start.
  fleet = await simulatedFleet({ seed: 12, functions: 120 }, { collector: { stateSweepMinutes: 24 * 60 } });
  first = await fleet.collector.runCycle("manual");
});

afterAll(() => fleet?.close());

const storedFunctions = () => db.function.findMany({ where: { deletedAt: null }, orderBy: { arn: "asc" } });

async function pollErrors(summary: CycleSummary) {
  const runs = await db.pollRun.findMany({ where: { id: { in: summary.units.map((u) => u.pollRunId) } } });
  return runs.flatMap((run) => JSON.parse(run.errors) as { api: string; code: string; message: string }[]);
}

/** Repositories whose grant to the consuming account was revoked: we cannot describe them either. */
function revokedRepositories(): string[] {
  return fleet.sim.truth
    .functions()
    .filter((fn) => fn.imageFate?.kind === "ImageAccessDenied")
    .map((fn) => `${fn.image!.registryId}/${fn.image!.repositoryName}`);
}

describe("collector against the simulator", () => {
  it("finds every function with its package type, image, state and reason code as GetFunction reports them", async () => {
    const { sim } = fleet;
    const truth = sim.truth.functions({ withState: true });
    const stored = new Map((await storedFunctions()).map((fn) => [fn.arn, fn]));
    expect(stored.size).toBe(truth.length);
    for (const fn of truth) {
      const row = stored.get(fn.arn);
      expect(row, fn.arn).toBeDefined();
      expect({ ...row, image: row!.imageDigest }, fn.name).toMatchObject({
        packageType: fn.packageType,
        state: fn.state!.state,
        stateReasonCode: fn.state!.stateReasonCode,
        logGroup: fn.logGroup,
        team: fn.team,
        image: fn.image?.digest ?? null,
      });
    }
    // The first sight reads every function once: states come from GetFunction only.
    expect(first.units.reduce((n, unit) => n + unit.statesRead, 0)).toBe(truth.length);
    expect(first.accounts.map((a) => a.id).sort()).toEqual(
      sim.truth.accounts().flatMap((a) => (a.status === "ACTIVE" ? [a.id] : [])),
    );
    expect(first.units).toHaveLength(5 * REGIONS.length);
    // The only errors: repositories that no longer grant access, recorded with the repository named.
    const errors = await pollErrors(first);
    expect(errors.map((e) => `${e.api} ${e.code}`)).toEqual(
      revokedRepositories().map(() => "ecr:DescribeImages AccessDeniedException"),
    );
    expect(errors.map((e) => e.message.split(":")[0]).sort()).toEqual(revokedRepositories().sort());
  });

  it("records deployed images with their layers, missing ones as missing, and a fleet snapshot per run", async () => {
    const { sim } = fleet;
    const revoked = new Set(revokedRepositories());
    let described = 0;
    for (const fn of sim.truth.functions({ packageType: "Image" })) {
      const image = fn.image!;
      const row = await db.image.findUnique({
        where: { id: `${image.registryId}/${image.repositoryName}@${image.digest}` },
      });
      if (revoked.has(`${image.registryId}/${image.repositoryName}`)) continue;
      expect(row, fn.name).not.toBeNull();
      if (image.deletedAt) {
        expect(row!.missingAt, fn.name).not.toBeNull();
        continue;
      }
      described++;
      expect(row!.missingAt).toBeNull();
      expect(JSON.parse(row!.manifestLayers), fn.name).toEqual([...image.baseLayerDigests, ...image.appLayerDigests]);
      expect(row!.pushedAt).toEqual(image.pushedAt);
      expect(row!.sizeBytes).toBe(image.sizeBytes);
      const findings = image.findings as Record<string, number> | null;
      expect([row!.findingsCritical, row!.findingsHigh], fn.name).toEqual([
        findings?.CRITICAL ?? 0,
        findings?.HIGH ?? 0,
      ]);
    }
    expect(described).toBeGreaterThan(0);
    const counted = await db.fleetSnapshot.aggregate({ _sum: { count: true }, where: { at: first.startedAt } });
    expect(counted._sum.count).toBe(sim.truth.functions().length);
  });

  it("counts cold starts per hour as the logs hold them, leaving shared log groups unattributed", async () => {
    const now = first.startedAt.getTime();
    const from = Math.floor((now - 2 * DAY_MS) / HOUR_MS) * HOUR_MS + HOUR_MS;
    const to = Math.floor(now / HOUR_MS) * HOUR_MS;
    const stored = await storedFunctions();
    const group = (fn: (typeof stored)[number]) => `${fn.accountId}:${fn.region}:${fn.logGroup}`;
    const sharing = new Map<string, number>();
    for (const fn of stored) sharing.set(group(fn), (sharing.get(group(fn)) ?? 0) + 1);
    let compared = 0;
    for (const fn of stored) {
      if (sharing.get(group(fn))! > 1) {
        expect(fn.coldStartsThrough, fn.name).toBeNull();
        continue;
      }
      const buckets = await db.metricBucket.findMany({
        where: { functionId: fn.id, resolution: "1h", start: { gte: new Date(from), lt: new Date(to) } },
      });
      const collected = buckets.reduce((n, b) => n + b.coldStarts, 0);
      expect(collected, fn.name).toBe(fleet.sim.truth.coldStarts(fn.arn, from, to).length);
      compared += collected;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it("knows when each function was last invoked, to within its metric bucket", async () => {
    const now = first.startedAt.getTime();
    const days = (t: number) => Math.floor((now - t) / DAY_MS);
    for (const fn of await storedFunctions()) {
      const truth = lastInvocation(fn.arn, now);
      if (truth === null) {
        expect(fn.lastInvokedAt, fn.name).toBeNull();
        continue;
      }
      const collected = fn.lastInvokedAt!.getTime();
      const bucket = now - collected <= 3 * HOUR_MS ? 5 * MINUTE_MS : HOUR_MS;
      expect(truth - collected, fn.name).toBeGreaterThanOrEqual(0);
      expect(truth - collected, fn.name).toBeLessThan(bucket);
      // Whole idle days agree unless a day boundary falls inside the bucket.
      if (days(collected) === days(collected + bucket - 1)) expect(days(collected), fn.name).toBe(days(truth));
    }
  });

  it("writes nothing new when the same fleet is observed again at the same moment", async () => {
    const before = await collectedData();
    await fleet.collector.runCycle("manual");
    expect(await collectedData()).toEqual(before);
  });

  it("sees idle functions go Inactive, deploys and restores within one cycle, without reading every function", async () => {
    const { sim, collector } = fleet;
    const idle = sim.truth
      .functions()
      .flatMap((fn) => {
        const next = sim.truth.nextTransition(fn.arn, sim.clock.now(), 3);
        return next?.cause === "idle" ? [{ fn, at: next.at.getTime() }] : [];
      })
      .sort((a, b) => a.at - b.at)[0];
    expect(idle).toBeDefined();
    const from = sim.clock.now();
    sim.clock.set(idle!.at + 5 * MINUTE_MS);
    const cycle = await collector.runCycle("manual");

    const stored = new Map((await storedFunctions()).map((fn) => [fn.arn, fn]));
    const idleRow = stored.get(idle!.fn.arn)!;
    expect({ state: idleRow.state, reasonCode: idleRow.stateReasonCode }).toEqual({
      state: "Inactive",
      reasonCode: "Idle",
    });
    const closed = await db.stateInterval.findFirst({ where: { functionId: idleRow.id, to: { not: null } } });
    expect(closed).toMatchObject({ state: "Active", to: new Date(sim.clock.now()) });

    let checked = 0;
    for (const fn of sim.truth.functions()) {
      const transitions = sim.truth.transitions(fn.arn, from, sim.clock.now());
      if (!transitions.some((t) => ["idle", "deployStarted", "invokedWhileInactive", "restored"].includes(t.cause)))
        continue;
      const now = sim.truth.stateAt(fn.arn, sim.clock.now());
      const row = stored.get(fn.arn)!;
      expect({ state: row.state, reasonCode: row.stateReasonCode }, fn.name).toEqual({
        state: now.state,
        reasonCode: now.stateReasonCode,
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(1);
    expect(cycle.units.reduce((n, u) => n + u.statesRead, 0)).toBeLessThan(sim.truth.functions().length / 2);
  });

  it("records an account whose role cannot be assumed, and collects the others", async () => {
    const collector = new Collector({
      config: configSchema.parse({
        regions: ["us-east-1"],
        accounts: [
          {
            id: "222222222222",
            name: "payments",
            roleArn: "arn:aws:iam::222222222222:role/ImageFleetReadOnly",
            externalId: "wrong-id",
          },
          { id: "333333333333", name: "analytics", roleArn: "arn:aws:iam::333333333333:role/ImageFleetReadOnly" },
        ],
      }),
      aws: { endpoint: fleet.sim.url, credentials: { accessKeyId: "AKIATESTHUB000000000", secretAccessKey: "test" } },
      clock: () => new Date(fleet.sim.clock.now()),
    });
    try {
      const summary = await collector.runCycle("manual");
      const [payments, analytics] = summary.units;
      expect(payments).toMatchObject({ accountId: "222222222222", status: "failed" });
      expect(analytics).toMatchObject({ accountId: "333333333333" });
      expect(analytics!.status).not.toBe("failed");
      expect(analytics!.functionsSeen).toBe(
        fleet.sim.truth.functions({ accountId: "333333333333", region: "us-east-1" }).length,
      );
      const account = await db.account.findUniqueOrThrow({ where: { id: "222222222222" } });
      expect(account.assumeError).toMatch(/AccessDenied/);
      expect((await pollErrors(summary)).filter((e) => e.api === "sts:AssumeRole")).toHaveLength(1);
      expect(REQUIRED_EXTERNAL_ID).not.toBe("wrong-id");
    } finally {
      collector.close();
    }
  });
});

/** The start of the last minute with an invocation in the 30 days before `now` (null: none). */
function lastInvocation(arn: string, now: number): number | null {
  const { truth } = fleet.sim;
  for (let hour = Math.floor(now / HOUR_MS) * HOUR_MS; hour > now - 30 * DAY_MS; hour -= HOUR_MS) {
    const end = Math.min(hour + HOUR_MS, now);
    if (truth.activity(arn, hour, end).invocations === 0) continue;
    for (let minute = end - MINUTE_MS; minute >= hour; minute -= MINUTE_MS) {
      if (truth.activity(arn, minute, minute + MINUTE_MS).invocations > 0) return minute;
    }
  }
  return null;
}

/** Everything collected, except the per-run records (poll runs and their fleet snapshots). */
async function collectedData() {
  return {
    functions: await db.function.findMany({ orderBy: { id: "asc" } }),
    intervals: await db.stateInterval.findMany({ orderBy: { id: "asc" } }),
    changes: await db.configChange.findMany({ orderBy: { id: "asc" } }),
    buckets: await db.metricBucket.findMany({
      orderBy: [{ functionId: "asc" }, { resolution: "asc" }, { start: "asc" }],
    }),
    images: await db.image.findMany({ orderBy: { id: "asc" } }),
    accounts: await db.account.findMany({ orderBy: { id: "asc" } }),
  };
}
