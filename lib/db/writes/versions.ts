import type { FunctionAlias as AliasRow, FunctionVersion as VersionRow } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { chunks, type Tx } from "./transaction";

export type { AliasRow, VersionRow };

/** What one ListVersionsByFunction + ListAliases pass saw for one function: it replaces what we had. */
export interface FunctionVersionsWrite {
  functionId: string;
  versions: VersionRow[];
  aliases: AliasRow[];
  checkedAt: Date;
}

/** Stored versions per function id (versions are immutable: their digests are read once). */
export async function loadVersions(db: Db, functionIds: readonly string[]): Promise<Map<string, VersionRow[]>> {
  const byFunction = new Map<string, VersionRow[]>();
  for (const part of chunks(functionIds)) {
    for (const row of await db.functionVersion.findMany({ where: { functionId: { in: part } } })) {
      byFunction.set(row.functionId, [...(byFunction.get(row.functionId) ?? []), row]);
    }
  }
  return byFunction;
}

export async function writeVersions(tx: Tx, writes: readonly FunctionVersionsWrite[]): Promise<void> {
  for (const write of writes) {
    const { functionId } = write;
    await tx.functionVersion.deleteMany({
      where: { functionId, version: { notIn: write.versions.map((v) => v.version) } },
    });
    for (const version of write.versions) {
      await tx.functionVersion.upsert({
        where: { functionId_version: { functionId, version: version.version } },
        create: version,
        update: version,
      });
    }
    await tx.functionAlias.deleteMany({ where: { functionId } });
    if (write.aliases.length > 0) await tx.functionAlias.createMany({ data: write.aliases });
    await tx.function.update({ where: { id: functionId }, data: { versionsCheckedAt: write.checkedAt } });
  }
}
