import { setMaxListeners } from "node:events";
import type PgBoss from "pg-boss";
import type { Collector } from "@/lib/collector/collector";
import type { UnitSummary } from "@/lib/collector/poll-unit";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { closeAbandonedRuns, jobWorkerLabel } from "./abandoned-runs";
import { holdLease } from "./lease";
import { plannedUnitOf, type UnitJobData } from "./unit-job";

export interface PollUnitJobContext {
  collector: Collector;
  db: Db;
  clock: () => Date;
  /** This process, as poll runs name it. */
  worker: string;
  signal: AbortSignal;
  /** Extends the job's lease to `seconds` from now; false once the job is no longer this worker's. */
  extendLease: (jobId: string, seconds: number) => Promise<boolean>;
}

/**
 * Polls one account × region. The lease is renewed while the unit makes progress, so a large unit
 * may take longer than one lease; a unit that stalls for a whole lease is stopped and its job fails
 * (pg-boss retries it), instead of completing with what it had.
 */
export async function pollUnitJob(ctx: PollUnitJobContext, job: PgBoss.Job<UnitJobData>): Promise<UnitSummary> {
  await closeAbandonedRuns(ctx.db, job.id, ctx.clock());
  const leaseSeconds = Number(job.expireInSeconds);
  const lease = holdLease(leaseSeconds, () => ctx.extendLease(job.id, leaseSeconds));
  const signal = AbortSignal.any([ctx.signal, lease.signal]);
  // Every AWS call in flight listens to the signal: hundreds at once is expected, not a leak.
  setMaxListeners(0, signal);
  let summary: UnitSummary;
  try {
    summary = await ctx.collector.pollOne(plannedUnitOf(job.data), {
      trigger: "schedule",
      signal,
      worker: jobWorkerLabel(ctx.worker, job.id),
      onProgress: lease.progress,
    });
  } finally {
    lease.release();
  }
  // Failing the job on shutdown hands the unit to another worker instead of completing it empty.
  if (ctx.signal.aborted) throw new Error("worker stopping: unit left to another worker");
  if (lease.signal.aborted) {
    const { accountId, region } = job.data;
    log.error({ accountId, region, jobId: job.id, leaseSeconds }, "poll unit made no progress for a whole lease");
    throw new Error(`${accountId} ${region}: no progress for a whole ${leaseSeconds}-second lease, stopped`);
  }
  return summary;
}
