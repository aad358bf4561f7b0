import type { Function as FunctionRow } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { chunks, type Tx, updateGrouped } from "./transaction";

export type { FunctionRow };

/** Every function ever seen in one account × region, deleted ones included. */
export function loadFunctions(db: Db, accountId: string, region: string): Promise<FunctionRow[]> {
  return db.function.findMany({ where: { accountId, region } });
}

export interface FunctionWrites {
  create: FunctionRow[];
  update: { id: string; data: Partial<FunctionRow> }[];
}

export async function writeFunctions(tx: Tx, writes: FunctionWrites): Promise<void> {
  for (const part of chunks(writes.create)) await tx.function.createMany({ data: part });
  await updateGrouped(writes.update, (ids, data) => tx.function.updateMany({ where: { id: { in: ids } }, data }));
}
