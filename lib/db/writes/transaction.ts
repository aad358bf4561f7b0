import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";

export type Tx = Prisma.TransactionClient;

/** Rows per createMany statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
export const INSERT_CHUNK = 500;

let queue: Promise<unknown> = Promise.resolve();

/** Prisma's code for a unique constraint violation. */
const UNIQUE_VIOLATION = "P2002";

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === UNIQUE_VIOLATION;
}

/**
 * Runs one poll unit's writes in a transaction. Writers in this process take turns: SQLite has a
 * single writer anyway, and a shutdown can wait for the write in progress by awaiting the queue.
 * Another process committing the same rows in between (two collections at once, two alert
 * evaluations) makes the write fail on a unique key: it is run once more, and reads what the
 * other committed. `write` must therefore read what it depends on inside the transaction.
 */
export function writeTransaction<T>(db: Db, write: (tx: Tx) => Promise<T>): Promise<T> {
  const attempt = () => db.$transaction(write, { maxWait: 60_000, timeout: 300_000 });
  const run = queue.then(() =>
    attempt().catch((error) => (isUniqueViolation(error) ? attempt() : Promise.reject(error))),
  );
  queue = run.catch(() => undefined);
  return run;
}

/** Resolves once every write queued so far has finished. */
export function writesSettled(): Promise<void> {
  return queue.then(() => undefined);
}

export function chunks<T>(items: readonly T[], size = INSERT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Applies per-row partial updates with one updateMany per distinct payload: most rows of a cycle
 * get the same few fields set to the same values (last seen, windows collected through).
 */
export async function updateGrouped(
  rows: readonly { id: string; data: Record<string, unknown> }[],
  updateMany: (ids: string[], data: Record<string, unknown>) => Promise<unknown>,
): Promise<void> {
  const groups = new Map<string, { data: Record<string, unknown>; ids: string[] }>();
  for (const row of rows) {
    const key = JSON.stringify(row.data);
    const group = groups.get(key) ?? { data: row.data, ids: [] };
    group.ids.push(row.id);
    groups.set(key, group);
  }
  for (const { data, ids } of groups.values()) {
    for (const part of chunks(ids)) await updateMany(part, data);
  }
}
