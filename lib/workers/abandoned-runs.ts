import type { Db } from "@/lib/db/client";
import type { PollErrorRecord } from "@/lib/db/writes/poll-runs";

/** The worker label a job's poll run carries, so a retry can find what an earlier attempt left. */
export function jobWorkerLabel(worker: string, jobId: string): string {
  return `${worker} job ${jobId}`;
}

/**
 * A worker that died mid-poll left its poll run "running" and wrote nothing else (the unit's
 * writes are one transaction). The retry closes that run as failed before polling again.
 */
export async function closeAbandonedRuns(db: Db, jobId: string, at: Date): Promise<number> {
  const errors: PollErrorRecord[] = [
    { api: "collector", code: "WorkerLost", message: "the worker polling this unit stopped; another took over" },
  ];
  const closed = await db.pollRun.updateMany({
    where: { status: "running", worker: { endsWith: ` job ${jobId}` } },
    data: { status: "failed", finishedAt: at, errorCount: errors.length, errors: JSON.stringify(errors) },
  });
  return closed.count;
}
