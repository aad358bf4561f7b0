import type { FleetCountRow } from "@/lib/analysis/fleet-counts";
import type { Db } from "@/lib/db/client";
import { type ConfigChangeWrite, insertConfigChanges } from "./config-changes";
import { insertFleetSnapshot } from "./fleet-snapshots";
import { type FunctionWrites, writeFunctions } from "./functions";
import { type ImageRow, upsertImages } from "./images";
import { type BucketWrite, upsertBuckets } from "./metric-buckets";
import { finishPollRun, type PollRunEnd } from "./poll-runs";
import { type Scope, updateScopeRollups } from "./rollups";
import { applyStateObservations, closeOpenIntervals, type FunctionStateObservation } from "./state-intervals";
import { writeTransaction } from "./transaction";

/** Everything one account × region poll writes, in one transaction, roll-ups brought up to date with it. */
export interface PollUnitWrites {
  pollRunId: string;
  scope: Scope;
  at: Date;
  end: PollRunEnd;
  functions: FunctionWrites;
  deletedIds: string[];
  configChanges: ConfigChangeWrite[];
  states: FunctionStateObservation[];
  buckets: BucketWrite[];
  images: ImageRow[];
  snapshot: FleetCountRow[];
}

export function writePollUnit(db: Db, writes: PollUnitWrites): Promise<void> {
  return writeTransaction(db, async (tx) => {
    await writeFunctions(tx, writes.functions);
    await closeOpenIntervals(tx, writes.deletedIds, writes.at);
    await insertConfigChanges(tx, writes.configChanges);
    await applyStateObservations(tx, writes.states);
    const hourly = await upsertBuckets(tx, writes.buckets);
    // A function that changed team or package type moves its whole history to another slice.
    const slicesMoved = writes.functions.update.some((row) => "team" in row.data || "packageType" in row.data);
    await updateScopeRollups(tx, writes.scope, { ...hourly, slicesMoved }, writes.at);
    await upsertImages(tx, writes.images);
    await insertFleetSnapshot(tx, { at: writes.at, pollRunId: writes.pollRunId, rows: writes.snapshot });
    await finishPollRun(tx, writes.pollRunId, writes.end);
  });
}
