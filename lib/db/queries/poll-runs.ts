import "server-only";
import type { Db } from "../client";

export const SUCCESSFUL_POLL_STATUSES = ["ok", "partial"];

/** When the last poll that collected anything finished. */
export async function lastCollectionAt(db: Db): Promise<string | null> {
  const last = await db.pollRun.findFirst({
    where: { finishedAt: { not: null }, status: { in: SUCCESSFUL_POLL_STATUSES } },
    orderBy: { finishedAt: "desc" },
    select: { finishedAt: true },
  });
  return last?.finishedAt?.toISOString() ?? null;
}
