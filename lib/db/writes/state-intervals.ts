import { applyObservation, type StateObservation } from "@/lib/analysis/state-intervals";
import { chunks, type Tx } from "./transaction";

export interface FunctionStateObservation extends StateObservation {
  functionId: string;
}

/**
 * Folds state observations into the interval history: a repeated observation extends the open
 * interval, a transition closes it and opens the next (lib/analysis/state-intervals). Observing
 * the same thing at the same moment again writes nothing.
 */
export async function applyStateObservations(tx: Tx, observations: readonly FunctionStateObservation[]): Promise<void> {
  const open = new Map<
    string,
    { id: number; state: string; reasonCode: string | null; reason: string | null; from: Date; lastObservedAt: Date }
  >();
  for (const part of chunks(observations.map((o) => o.functionId))) {
    const rows = await tx.stateInterval.findMany({ where: { functionId: { in: part }, to: null } });
    for (const row of rows) open.set(row.functionId, row);
  }
  for (const observation of observations) {
    const current = open.get(observation.functionId) ?? null;
    const update = applyObservation(current, observation);
    if (update.kind === "stale") continue;
    if (update.kind === "extend") {
      if (current && observation.at > current.lastObservedAt) {
        await tx.stateInterval.update({ where: { id: current.id }, data: { lastObservedAt: observation.at } });
      }
      continue;
    }
    if (current && update.close) {
      await tx.stateInterval.update({ where: { id: current.id }, data: { to: update.close.to } });
    }
    await tx.stateInterval.create({
      data: { functionId: observation.functionId, ...update.next, lastObservedAt: observation.at },
    });
  }
}

/** Deleted functions have no state: their open interval ends when the deletion was noticed. */
export async function closeOpenIntervals(tx: Tx, functionIds: readonly string[], at: Date): Promise<void> {
  for (const part of chunks(functionIds)) {
    await tx.stateInterval.updateMany({ where: { functionId: { in: part }, to: null }, data: { to: at } });
  }
}
