import type { Db } from "@/lib/db/client";
import type { Tx } from "./transaction";

export type PollStatus = "running" | "ok" | "partial" | "failed";
export type PollTrigger = "schedule" | "once" | "manual";

export interface PollErrorRecord {
  api: string;
  functionName?: string;
  code: string;
  message: string;
}

export interface PollRunStart {
  id: string;
  accountId: string;
  region: string;
  trigger: PollTrigger;
  worker: string;
  startedAt: Date;
}

export interface PollRunEnd {
  finishedAt: Date;
  status: Exclude<PollStatus, "running">;
  functionsSeen: number;
  statesRead: number;
  calls: Record<string, number>;
  throttles: number;
  errors: readonly PollErrorRecord[];
}

/** Poll runs this process started and has not finished: every other `running` one is another's. */
const ownRunning = new Set<string>();

/** Recorded when the unit starts, so the Accounts page shows it running. */
export async function startPollRun(db: Db, run: PollRunStart): Promise<void> {
  ownRunning.add(run.id);
  try {
    await db.pollRun.create({ data: { ...run, status: "running" } });
  } catch (error) {
    ownRunning.delete(run.id);
    throw error;
  }
}

export async function finishPollRun(db: Db | Tx, id: string, end: PollRunEnd): Promise<void> {
  try {
    await db.pollRun.update({
      where: { id },
      data: {
        finishedAt: end.finishedAt,
        status: end.status,
        functionsSeen: end.functionsSeen,
        statesRead: end.statesRead,
        calls: JSON.stringify(end.calls),
        throttles: end.throttles,
        errorCount: end.errors.length,
        errors: JSON.stringify(end.errors),
      },
    });
  } finally {
    // Also when the write failed: the run then stays `running`, and a later cycle closes it as lost.
    ownRunning.delete(id);
  }
}

/**
 * Closes as failed the runs left `running` by collector processes that died mid-poll (killed,
 * crashed); `gone` tells from a run's worker label whether its process did. A unit's writes are one
 * transaction, so such a run wrote nothing but its record. This process's own runs are never closed.
 */
export async function closeLostPollRuns(db: Db, gone: (worker: string) => boolean, at: Date): Promise<number> {
  const running = await db.pollRun.findMany({ where: { status: "running" }, select: { id: true, worker: true } });
  const lost = running.filter((run) => !ownRunning.has(run.id) && run.worker !== null && gone(run.worker));
  if (lost.length === 0) return 0;
  const errors: PollErrorRecord[] = [
    { api: "collector", code: "WorkerLost", message: "the collector polling this unit stopped before it finished" },
  ];
  const closed = await db.pollRun.updateMany({
    where: { id: { in: lost.map((run) => run.id) }, status: "running" },
    data: { status: "failed", finishedAt: at, errorCount: errors.length, errors: JSON.stringify(errors) },
  });
  return closed.count;
}
