import type { StoredFunction } from "../queries/stored-functions";
import { chunks, type Tx, updateGrouped } from "./transaction";

export interface FunctionWrites {
  create: StoredFunction[];
  update: { id: string; data: Partial<StoredFunction> }[];
}

/**
 * Inserts new functions and applies updates. A function another collector stored since this one
 * loaded the unit (two collections at once) is updated instead of inserted: writes are idempotent.
 */
export async function writeFunctions(tx: Tx, writes: FunctionWrites): Promise<void> {
  for (const part of chunks(writes.create)) {
    const stored = await tx.function.findMany({
      where: { id: { in: part.map((row) => row.id) } },
      select: { id: true },
    });
    const exists = new Set(stored.map((row) => row.id));
    const fresh = part.filter((row) => !exists.has(row.id));
    if (fresh.length > 0) await tx.function.createMany({ data: fresh });
    for (const { id, firstSeenAt: _keepFirstSeen, ...data } of part.filter((row) => exists.has(row.id))) {
      await tx.function.update({ where: { id }, data });
    }
  }
  await updateGrouped(writes.update, (ids, data) => tx.function.updateMany({ where: { id: { in: ids } }, data }));
}
