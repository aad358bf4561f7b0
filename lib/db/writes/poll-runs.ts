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

/** Recorded when the unit starts, so the Accounts page shows it running. */
export async function startPollRun(db: Db, run: PollRunStart): Promise<void> {
  await db.pollRun.create({ data: { ...run, status: "running" } });
}

export async function finishPollRun(db: Db | Tx, id: string, end: PollRunEnd): Promise<void> {
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
}
