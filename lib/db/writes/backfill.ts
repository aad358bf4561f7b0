import type { Db } from "@/lib/db/client";
import { type FunctionWrites, writeFunctions } from "./functions";
import { type BucketWrite, upsertBuckets } from "./metric-buckets";
import type { PollErrorRecord, PollStatus } from "./poll-runs";
import { type Scope, updateScopeRollups } from "./rollups";
import { writeTransaction } from "./transaction";

/** What a unit's history backfill adds after its poll run was written, in one transaction, roll-ups brought up to date with it. */
export interface BackfillWrites {
  pollRunId: string;
  scope: Scope;
  at: Date;
  buckets: BucketWrite[];
  /** Coverage columns moved back. */
  coverage: FunctionWrites["update"];
  progress: { done: number; total: number; scannedBytes: number; skippedBytes: number };
  /** The run's record, now including the backfill's calls and errors. */
  run: {
    status: Exclude<PollStatus, "running">;
    calls: Record<string, number>;
    throttles: number;
    errors: readonly PollErrorRecord[];
  };
}

export function writeBackfill(db: Db, writes: BackfillWrites): Promise<void> {
  return writeTransaction(db, async (tx) => {
    const hourly = await upsertBuckets(tx, writes.buckets);
    // History read back changes the preset windows of the functions it filled: their roll-ups too.
    await updateScopeRollups(tx, writes.scope, { ...hourly, slicesMoved: false }, writes.at);
    await writeFunctions(tx, { create: [], update: writes.coverage });
    await tx.pollRun.update({
      where: { id: writes.pollRunId },
      data: {
        status: writes.run.status,
        calls: JSON.stringify(writes.run.calls),
        throttles: writes.run.throttles,
        errorCount: writes.run.errors.length,
        errors: JSON.stringify(writes.run.errors),
        backfillDone: writes.progress.done,
        backfillTotal: writes.progress.total,
        backfillScannedBytes: writes.progress.scannedBytes,
        backfillSkippedBytes: writes.progress.skippedBytes,
      },
    });
  });
}
