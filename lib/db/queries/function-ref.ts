import type { FunctionRef } from "@/lib/contracts/functions";
import "server-only";
import type { Db } from "../client";

export async function functionRefs(db: Db, ids: readonly string[]): Promise<Map<string, FunctionRef>> {
  const rows = await db.function.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      accountId: true,
      region: true,
      name: true,
      packageType: true,
      state: true,
      stateReasonCode: true,
      account: { select: { name: true } },
    },
  });
  return new Map(rows.map(({ account, ...ref }) => [ref.id, { ...ref, accountName: account.name }]));
}
