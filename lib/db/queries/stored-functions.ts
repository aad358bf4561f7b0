import "server-only";
import type { Function as StoredFunction } from "@/generated/prisma/client";
import type { Db } from "../client";

export type { StoredFunction };

/** Every function ever seen in one account × region, deleted ones included: what the collector compares a listing with. */
export function loadStoredFunctions(db: Db, accountId: string, region: string): Promise<StoredFunction[]> {
  return db.function.findMany({ where: { accountId, region } });
}
