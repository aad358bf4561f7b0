import { beforeAll, describe, expect, it } from "vitest";
import { weekBounds, weekDaysBefore } from "@/lib/analysis/weeks";
import { db } from "@/lib/db/client";
import { lastInvokedBefore, weekActivity } from "@/lib/db/queries/report-activity";
import { ACCOUNT, seedReportFleet } from "./support/seed";

const CHECKOUT = `${ACCOUNT}:eu-west-1:checkout`;
const BERLIN = "Europe/Berlin";
// 2026-W43 in Berlin: Monday 19 October 00:00 CEST (22:00 UTC the day before) to Monday 26
// October 00:00 CET (23:00 UTC): the clocks go back on Sunday 25 October, a 25-hour day.
const W43 = weekBounds("2026-W43", BERLIN);

const bucket = (start: string, invocations: number, coldStarts: number) => ({
  functionId: CHECKOUT,
  resolution: "1h",
  start: new Date(start),
  invocations,
  coldStarts,
  initAvg: coldStarts > 0 ? 300 : null,
  initP95: coldStarts > 0 ? 600 : null,
  initMax: coldStarts > 0 ? 900 : null,
});

beforeAll(async () => {
  await seedReportFleet(db, new Date("2026-12-10T12:00:00Z"));
  await db.metricBucket.createMany({
    data: [
      bucket("2026-10-18T21:00:00Z", 1, 1), // Sunday 23:00 in Berlin: the week before
      bucket("2026-10-18T22:00:00Z", 2, 2), // Monday 00:00: the week's first hour
      bucket("2026-10-21T12:00:00Z", 16, 0),
      bucket("2026-10-25T22:00:00Z", 4, 4), // Sunday 23:00 CET: the week's last hour
      bucket("2026-10-25T23:00:00Z", 8, 8), // Monday: the week after
    ],
  });
});

describe("weekActivity", () => {
  it("sums the week's hours into its local days, across a DST change", async () => {
    const days = weekDaysBefore("2026-W43", BERLIN, W43.end);
    const activity = (await weekActivity(db, { from: W43.start, to: W43.end }, days)).get(CHECKOUT);
    expect([...activity!.dailyActivity].sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { date: "2026-10-19", invocations: 2, coldStarts: 2 },
      { date: "2026-10-21", invocations: 16, coldStarts: 0 },
      { date: "2026-10-25", invocations: 4, coldStarts: 4 },
    ]);
    expect(
      activity!.initHours.map((hour) => [hour.start.toISOString(), hour.count, hour.avg, hour.p95, hour.max]),
    ).toEqual(
      expect.arrayContaining([
        ["2026-10-18T22:00:00.000Z", 2, 300, 600, 900],
        ["2026-10-25T22:00:00.000Z", 4, 300, 600, 900],
      ]),
    );
    expect(activity!.initHours).toHaveLength(2);
    expect(activity!.lastInvokedAt).toEqual(new Date("2026-10-25T22:00:00Z"));
  });

  it("reads nothing from asOf on, for a week in progress", async () => {
    const asOf = new Date("2026-10-21T12:00:00Z");
    const days = weekDaysBefore("2026-W43", BERLIN, asOf);
    const activity = (await weekActivity(db, { from: W43.start, to: asOf }, days)).get(CHECKOUT);
    expect(activity!.dailyActivity).toEqual([{ date: "2026-10-19", invocations: 2, coldStarts: 2 }]);
    expect(activity!.lastInvokedAt).toEqual(new Date("2026-10-18T22:00:00Z"));
  });
});

describe("lastInvokedBefore", () => {
  it("finds each function's last invoked hour before a time, and nothing for a function never invoked then", async () => {
    const last = await lastInvokedBefore(db, [CHECKOUT, `${ACCOUNT}:eu-west-1:image-resizer`], W43.start);
    expect(last.get(CHECKOUT)).toEqual(new Date("2026-10-18T21:00:00Z"));
    expect(last.has(`${ACCOUNT}:eu-west-1:image-resizer`)).toBe(false);
  });
});
