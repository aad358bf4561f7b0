// /api/health says `degraded`, with the reason, when collection is late or notifications back up.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { db } from "@/lib/db/client";
import { readHealth } from "@/lib/db/queries/health";
import { databaseTarget } from "@/lib/db/url";

const NOW = new Date("2026-12-01T12:00:00.000Z");
const minutesBefore = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const health = () => readHealth("test", db, databaseTarget().kind, { intervalSeconds: 60, now: NOW });

async function collectedAt(finishedAt: Date): Promise<void> {
  await db.pollRun.create({
    data: {
      id: `run-${finishedAt.toISOString()}`,
      accountId: "111122223333",
      region: "eu-west-1",
      trigger: "schedule",
      startedAt: finishedAt,
      finishedAt,
      status: "ok",
    },
  });
}

describe("health", () => {
  it("is ok while collection keeps to its interval and the outbox drains", async () => {
    await collectedAt(minutesBefore(1));
    expect(await health()).toMatchObject({ status: "ok", reasons: [], notificationsBacklog: 0 });
    const answer = await GET();
    expect(answer.status).toBe(200);
  });

  it("is degraded when the last collection is older than two intervals", async () => {
    await db.pollRun.deleteMany();
    await collectedAt(minutesBefore(3));
    const report = await health();
    expect(report.status).toBe("degraded");
    expect(report.reasons).toEqual([expect.stringMatching(/collection is late: the last one finished 3 min ago/)]);
  });

  it("is degraded when notifications stay due and unsent", async () => {
    await db.pollRun.deleteMany();
    await collectedAt(minutesBefore(1));
    // Retries waiting for their time and rows due a moment ago are normal.
    await db.notification.createMany({
      data: [
        {
          dedupeKey: "a",
          channel: "c",
          event: "open",
          payload: "{}",
          status: "pending",
          nextAttemptAt: minutesBefore(-5),
        },
        {
          dedupeKey: "b",
          channel: "c",
          event: "open",
          payload: "{}",
          status: "pending",
          nextAttemptAt: minutesBefore(1),
        },
      ],
    });
    expect(await health()).toMatchObject({ status: "ok", notificationsBacklog: 0 });
    await db.notification.createMany({
      data: [1, 2].map((n) => ({
        dedupeKey: `stuck-${n}`,
        channel: "c",
        event: "open",
        payload: "{}",
        status: "pending",
        nextAttemptAt: minutesBefore(30),
      })),
    });
    expect(await health()).toMatchObject({
      status: "degraded",
      notificationsBacklog: 2,
      reasons: [expect.stringMatching(/notifications are backing up: 2 due for more than 10 min/)],
    });
  });
});
