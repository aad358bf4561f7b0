import type { StoredFunction } from "../queries/stored-functions";
import { chunks, type Tx, updateGrouped } from "./transaction";

export interface FunctionWrites {
  create: StoredFunction[];
  update: { id: string; data: Partial<StoredFunction> }[];
}

export async function writeFunctions(tx: Tx, writes: FunctionWrites): Promise<void> {
  for (const part of chunks(writes.create)) await tx.function.createMany({ data: part });
  await updateGrouped(writes.update, (ids, data) => tx.function.updateMany({ where: { id: { in: ids } }, data }));
}
