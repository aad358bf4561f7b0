import "server-only";
import type { Db } from "../client";

/** Enough of a function to name it and link to its page. */
export interface FunctionRef {
  id: string;
  accountId: string;
  accountName: string;
  region: string;
  name: string;
  packageType: string;
  state: string | null;
  stateReasonCode: string | null;
}

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
