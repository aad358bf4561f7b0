import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/fleet/idle-threshold/route";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import type { IdleThresholdAnswer } from "@/lib/contracts/idle-threshold";
import { db } from "@/lib/db/client";
import { idleThresholdAnswer, idleTransitionSamples } from "@/lib/db/queries/idle-transitions";
import { PAYMENTS, type SeedFunction, seedFleet, trafficHours } from "./support/seed";
import { request } from "./support/window";

const now = new Date();
const traffic = { invocationsPerHour: 10, coldStartsPerHour: 0, initAvg: 0, initP95: 0, initMax: 0 };
const went = (name: string, inactiveDaysAgo: number, lastInvokedDaysAgo: number): SeedFunction => ({
  accountId: PAYMENTS,
  region: "us-east-1",
  name,
  packageType: "Image",
  team: "billing",
  architecture: "x86_64",
  memoryMb: 1024,
  states: [
    { state: "Active", sinceDays: 40 },
    { state: "Inactive", reasonCode: "Idle", reason: "The function is inactive.", sinceDays: inactiveDaysAgo },
  ],
  lastInvokedDaysAgo,
  traffic,
});
// The seed keeps 8 days of metrics: these went Inactive after about a week idle.
const watched = [went("went-a", 1, 7), went("went-b", 0.5, 6.5), went("went-c", 2, 7.75)];
const unknownLastInvocation = { ...went("no-metrics", 1, 7), traffic: undefined };
const firstSeenInactive: SeedFunction = {
  ...went("found-inactive", 2, 20),
  states: [{ state: "Inactive", reasonCode: "Idle", reason: "The function is inactive.", sinceDays: 40 }],
};

/** The truth the seed was built from: from the end of the last hour with traffic to the transition. */
function expectedIdleDays(f: SeedFunction): number {
  const lastHourEnd = trafficHours(f, now).at(-1)!.getTime() + HOUR_MS;
  const transition = now.getTime() - f.states.at(-1)!.sinceDays * DAY_MS;
  return (transition - lastHourEnd) / DAY_MS;
}

beforeAll(async () => {
  await seedFleet(db, now, [...watched, unknownLastInvocation, firstSeenInactive]);
});

describe("learned idle threshold", () => {
  it("measures idle days at every watched Active → Inactive transition with a known last invocation", async () => {
    const samples = await idleTransitionSamples();
    const measured = samples.map((s) => s.idleDays).sort((a, b) => a - b);
    const truth = watched.map(expectedIdleDays).sort((a, b) => a - b);
    expect(measured).toHaveLength(3);
    for (const [i, days] of measured.entries()) expect(days).toBeCloseTo(truth[i]!, 6);
    expect(samples.every((s) => s.packageType === "Image" && s.region === "us-east-1")).toBe(true);
  });

  it("answers the distribution, and keeps the default until enough transitions were seen", async () => {
    const response = await GET(request("/api/fleet/idle-threshold"));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as IdleThresholdAnswer;
    const image = answer.packageTypes.find((p) => p.packageType === "Image")!;
    const truth = watched.map(expectedIdleDays).sort((a, b) => a - b);
    expect(image.distribution).toMatchObject({ n: 3 });
    expect(image.distribution!.min).toBeCloseTo(truth[0]!, 6);
    expect(image.distribution!.max).toBeCloseTo(truth[2]!, 6);
    expect(image.inForce).toMatchObject({ source: "default", thresholdDays: 14 });
    expect(answer.packageTypes.find((p) => p.packageType === "Zip")!.distribution).toBeNull();
    expect((await GET(request("/api/fleet/idle-threshold?x=1"))).status).toBe(400);
  });

  it("uses the learned p10 once there are enough samples, unless a threshold is pinned", async () => {
    const idle = { warnDays: 10, criticalDays: 13, learnMinSamples: 3, thresholdDays: 14, thresholdPinned: false };
    const learned = await idleThresholdAnswer({ idle });
    const image = learned.packageTypes.find((p) => p.packageType === "Image")!;
    expect(image.inForce.source).toBe("learned");
    expect(image.inForce.thresholdDays).toBeCloseTo(Math.min(...watched.map(expectedIdleDays)), 6);
    const pinned = await idleThresholdAnswer({ idle: { ...idle, thresholdDays: 21, thresholdPinned: true } });
    expect(pinned.packageTypes[0]!.inForce).toMatchObject({ source: "configured", thresholdDays: 21 });
  });
});
