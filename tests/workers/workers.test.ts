// Collector workers sharing a cycle through pg-boss: three worker processes against the simulator,
// one killed mid-poll; every account × region of the cycle is still collected exactly once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { READ_ONLY_ROLE_NAMES, REGIONS, REQUIRED_EXTERNAL_ID, type Simulator, startSimulator } from "@/lib/simulator";
import { CYCLE_QUEUE, UNIT_QUEUE } from "@/lib/workers/queues";
import type { UnitJobData } from "@/lib/workers/unit-job";
import { CollectorProcesses, until } from "../support/collector-process";

const WORKERS = 3;
const LEASE_SECONDS = 20;

interface UnitJob {
  id: string;
  state: string;
  data: UnitJobData;
  output: { pollRunId?: string } | null;
}

let sim: Simulator;
let configFile: string;
let queue: pg.Client;
const processes = new CollectorProcesses(() => ({
  databaseUrl: process.env.DATABASE_URL!,
  configFile,
  endpoint: sim.url,
  accessKeyId: "AKIAWORKERTEST000000",
  logLevel: "warn",
}));

async function firstCycleId(): Promise<string | null> {
  const { rows } = await queue.query("SELECT id FROM pgboss.job WHERE name = $1 ORDER BY created_on LIMIT 1", [
    CYCLE_QUEUE,
  ]);
  return rows[0]?.id ?? null;
}

async function unitJobs(cycleId: string): Promise<UnitJob[]> {
  const { rows } = await queue.query(
    "SELECT id, state, data, output FROM pgboss.job WHERE name = $1 AND data->>'cycleId' = $2",
    [UNIT_QUEUE, cycleId],
  );
  return rows;
}

const pidOf = (worker: string | null) => Number(worker?.split(" ")[0]?.split(":").at(-1));

describe.skipIf(!process.env.IMAGEFLEET_TEST_PG)("collector workers on PostgreSQL", () => {
  let cycleId: string;
  let killedPid: number;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 21, functions: 200, speed: 0, startTime: new Date("2026-10-05T08:20:00Z") });
    configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-workers-")), "config.json");
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        regions: REGIONS,
        organization: { discover: true, roleName: READ_ONLY_ROLE_NAMES[0], externalId: REQUIRED_EXTERNAL_ID },
        // One unit at a time per worker, and no second cycle while the test looks at the first.
        collector: { intervalSeconds: 3600, accountConcurrency: 1 },
      }),
    );
    queue = new pg.Client(process.env.DATABASE_URL);
    await queue.connect();
    for (let worker = 1; worker <= WORKERS; worker++)
      processes.start(["--lease-seconds", String(LEASE_SECONDS)], { label: `worker ${worker}` });

    const running = await until(
      "a unit being polled",
      () => db.pollRun.findFirst({ where: { status: "running", worker: { contains: " job " } } }),
      90_000,
    );
    // tsx runs the script in a child process of its own: kill the process that holds the job.
    killedPid = pidOf(running.worker);
    process.kill(killedPid, "SIGKILL");

    cycleId = await until("the first cycle", firstCycleId, 90_000);
    await until(
      "every unit job of the cycle completed",
      async () => {
        const jobs = await unitJobs(cycleId);
        return jobs.length > 0 && jobs.every((job) => job.state === "completed");
      },
      90_000,
    );
  }, 180_000);

  processes.tearDownAfterAll(async () => {
    await queue?.end();
    await sim?.close();
  });

  it("collects every account × region of the cycle exactly once, despite the killed worker", async () => {
    const accounts = await db.account.findMany({ select: { id: true } });
    const jobs = await unitJobs(cycleId);
    const units = jobs.map((job) => `${job.data.accountId}/${job.data.region}`).sort();
    expect(units).toEqual(accounts.flatMap((a) => REGIONS.map((region) => `${a.id}/${region}`)).sort());

    const ofCycle = new Set(jobs.map((job) => job.id));
    const runs = (await db.pollRun.findMany()).filter((run) => ofCycle.has(run.worker!.split(" job ")[1]!));
    const finished = runs.filter((run) => run.status !== "running");
    const lost = finished.filter((run) => run.errors.includes("WorkerLost"));
    const collected = finished.filter((run) => !lost.includes(run));
    // Each unit's one poll run is the one its completed job reported; nothing else was written.
    expect(collected.map((run) => run.id).sort()).toEqual(jobs.map((job) => job.output?.pollRunId).sort());
    expect(collected.map((run) => `${run.accountId}/${run.region}`).sort()).toEqual(units);

    // The killed worker's poll was taken over: its run closed as lost, the unit collected by another.
    expect(lost.length).toBeGreaterThan(0);
    for (const run of lost) expect(pidOf(run.worker)).toBe(killedPid);
    expect(runs.filter((run) => run.status === "running")).toEqual([]);
  });

  it("stores every function of the fleet", async () => {
    const stored = await db.function.findMany({ where: { deletedAt: null }, select: { arn: true } });
    expect(stored.map((fn) => fn.arn).sort()).toEqual(
      sim.truth
        .functions()
        .map((fn) => fn.arn)
        .sort(),
    );
  });
});
