import type { Db } from "@/lib/db/client";

export interface AccountWrite {
  id: string;
  name: string;
  source: "config" | "organization" | "hub";
  roleArn: string | null;
}

/**
 * Stores an account as configured or discovered, with the outcome of assuming its role (the last
 * failure is kept until a success clears it). Writes only what changed.
 */
export async function syncAccount(
  db: Db,
  account: AccountWrite,
  assume: { error: string | null; at: Date },
): Promise<void> {
  const { id, name, source, roleArn } = account;
  const fields = { name, source, roleArn };
  const assumeFields = assume.error
    ? { assumeError: assume.error, assumeErrorAt: assume.at }
    : { assumeError: null, assumeErrorAt: null };
  let stored = await db.account.findUnique({ where: { id } });
  if (!stored) {
    const created = await db.account.create({ data: { id, ...fields, ...assumeFields } }).then(
      () => true,
      (error: { code?: string }) => {
        // Another collection starting at the same moment stored it first: carry on with its row.
        if (error.code === "P2002") return false;
        throw error;
      },
    );
    if (created) return;
    stored = await db.account.findUniqueOrThrow({ where: { id } });
  }
  const sameError = stored.assumeError === assumeFields.assumeError;
  const changed =
    stored.name !== fields.name || stored.source !== fields.source || stored.roleArn !== fields.roleArn || !sameError;
  // A repeated failure keeps the time it was first seen in this run of failures.
  if (changed) await db.account.update({ where: { id }, data: { ...fields, ...(sameError ? {} : assumeFields) } });
}
