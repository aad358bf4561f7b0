import type { FleetCountRow } from "@/lib/analysis/fleet-counts";
import type { Tx } from "./transaction";

export async function insertFleetSnapshot(
  tx: Tx,
  snapshot: { at: Date; pollRunId: string; rows: readonly FleetCountRow[] },
): Promise<void> {
  if (snapshot.rows.length === 0) return;
  await tx.fleetSnapshot.createMany({
    data: snapshot.rows.map((row) => ({ at: snapshot.at, pollRunId: snapshot.pollRunId, ...row })),
  });
}
