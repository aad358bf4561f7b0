import { describe, expect, it } from "vitest";
import { DEFAULT_RETENTION } from "@/lib/analysis/retention";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import { db } from "@/lib/db/client";
import { applyRetention } from "@/lib/db/writes/retention";

const FUNCTIONS = ["111111111111:us-east-1:a", "111111111111:us-east-1:b"];
const START = Date.parse("2026-01-01T00:00:00Z");

async function seedFunctions() {
  await db.account.create({ data: { id: "111111111111", name: "hub", source: "config" } });
  for (const id of FUNCTIONS) {
    const name = id.split(":")[2] as string;
    await db.function.create({
      data: {
        id,
        accountId: "111111111111",
        region: "us-east-1",
        name,
        arn: `arn:aws:lambda:us-east-1:111111111111:function:${name}`,
        packageType: "Image",
        codeSha256: "x",
        lastModified: new Date(START),
        architecture: "x86_64",
        memoryMb: 512,
        timeoutSec: 30,
        ephemeralMb: 512,
        logGroup: `/aws/lambda/${name}`,
        firstSeenAt: new Date(START),
        lastSeenAt: new Date(START),
      },
    });
  }
}

/** One day as the collector would leave it: hourly and 5-minute buckets, a snapshot and poll run per hour. */
async function collectDay(day: number) {
  const dayStart = START + day * DAY_MS;
  const hours = Array.from({ length: 24 }, (_, h) => new Date(dayStart + h * HOUR_MS));
  await db.metricBucket.createMany({
    data: FUNCTIONS.flatMap((functionId) =>
      hours.flatMap((start) => [
        {
          functionId,
          resolution: "1h",
          start,
          invocations: 10,
          errors: 1,
          coldStarts: 2,
          initAvg: 500,
          initP95: 600,
          initMax: 700,
        },
        { functionId, resolution: "5m", start, invocations: 1 },
      ]),
    ),
  });
  await db.fleetSnapshot.createMany({
    data: hours.map((at) => ({
      at,
      accountId: "111111111111",
      region: "us-east-1",
      packageType: "Image",
      state: "Active",
      count: 2,
    })),
  });
  await db.pollRun.createMany({
    data: hours.map((startedAt) => ({
      id: `run-${startedAt.getTime()}`,
      accountId: "111111111111",
      region: "us-east-1",
      trigger: "schedule",
      startedAt,
      finishedAt: startedAt,
      status: "ok",
    })),
  });
  return new Date(dayStart + DAY_MS);
}

const count = (resolution: string) => db.metricBucket.count({ where: { resolution } });

describe("retention", () => {
  it("rolls hourly into daily, keeps storage bounded and changes nothing when repeated", async () => {
    await seedFunctions();
    const rowsAfter = new Map<number, number>();
    let now = new Date(START);
    for (let day = 0; day < 100; day++) {
      now = await collectDay(day);
      await applyRetention(db, now, DEFAULT_RETENTION);
      rowsAfter.set(day, (await count("1h")) + (await count("5m")));
    }

    // Fine-grained rows stop growing at their horizon (90 days hourly, 48 hours 5-minute);
    // beyond it a day costs one daily row per function and one snapshot.
    expect(await count("1h")).toBe(FUNCTIONS.length * 24 * DEFAULT_RETENTION.hourlyDays);
    expect(await count("5m")).toBe(FUNCTIONS.length * 48);
    expect(rowsAfter.get(99)).toBe(rowsAfter.get(95));
    // Every closed day has exactly one daily row per function, with the day's sums.
    expect(await count("1d")).toBe(FUNCTIONS.length * 100);
    const firstDay = await db.metricBucket.findFirstOrThrow({ where: { resolution: "1d", start: new Date(START) } });
    expect(firstDay).toMatchObject({ invocations: 240, errors: 24, coldStarts: 48, initAvg: 500, initMax: 700 });
    // Snapshots: all of the last 2 days, hourly to 30 days, daily beyond.
    expect(await db.fleetSnapshot.count()).toBe(2 * 24 + 28 * 24 + 70);
    expect(await db.pollRun.count()).toBe(30 * 24);

    const again = await applyRetention(db, now, DEFAULT_RETENTION);
    expect(again.deleted).toEqual({ fiveMinute: 0, hourly: 0, daily: 0, snapshots: 0, pollRuns: 0 });
    expect(await count("1d")).toBe(FUNCTIONS.length * 100);
  });
});
