import type { Prisma } from "@/generated/prisma/client";
import { chunks, type Tx } from "./transaction";

export type ConfigChangeWrite = Prisma.ConfigChangeCreateManyInput;

export async function insertConfigChanges(tx: Tx, rows: readonly ConfigChangeWrite[]): Promise<void> {
  for (const part of chunks(rows)) await tx.configChange.createMany({ data: part });
}
