import { setMaxListeners } from "node:events";
import type PgBoss from "pg-boss";
import type { Collector } from "@/lib/collector/collector";
import type { UnitSummary } from "@/lib/collector/poll-unit";
import type { Db } from "@/lib/db/client";
import { closeAbandonedRuns, jobWorkerLabel } from "./abandoned-runs";
import { plannedUnitOf, type UnitJobData } from "./unit-job";

export interface PollUnitJobContext {
  collector: Collector;
  db: Db;
  clock: () => Date;
  /** This process, as poll runs name it. */
  worker: string;
  signal: AbortSignal;
}

/** Stop a little before the lease ends, so a unit never runs on after pg-boss gave it to another worker. */
const LEASE_USE = 0.9;

export async function pollUnitJob(ctx: PollUnitJobContext, job: PgBoss.Job<UnitJobData>): Promise<UnitSummary> {
  await closeAbandonedRuns(ctx.db, job.id, ctx.clock());
  const lease = AbortSignal.timeout(job.expireInSeconds * 1000 * LEASE_USE);
  const signal = AbortSignal.any([ctx.signal, lease]);
  // Every AWS call in flight listens to the signal: hundreds at once is expected, not a leak.
  setMaxListeners(0, signal);
  const summary = await ctx.collector.pollOne(plannedUnitOf(job.data), {
    trigger: "schedule",
    signal,
    worker: jobWorkerLabel(ctx.worker, job.id),
  });
  // Failing the job on shutdown hands the unit to another worker instead of completing it empty.
  if (ctx.signal.aborted) throw new Error("worker stopping: unit left to another worker");
  return summary;
}
