import type { Db } from "@/lib/db/client";

// pg-boss 10 has no call to extend a job's lease or to list what is in flight: both read or write
// its job table directly (schema "pgboss", the default the workers use).

/**
 * Extends an active job's lease so that it ends `seconds` from now (pg-boss expires a job once
 * `started_on + expire_in` has passed). False when the job is no longer active (expired, handed on).
 */
export async function extendJobLease(db: Db, queue: string, jobId: string, seconds: number): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE pgboss.job SET expire_in = (now() - started_on) + make_interval(secs => ${seconds})
    WHERE name = ${queue} AND id = ${jobId}::uuid AND state = 'active'`;
  return updated === 1;
}

/** `accountId:region` of every unit job still waiting, retrying or running, of any cycle. */
export async function unitsInFlight(db: Db, queue: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ unit: string }[]>`
    SELECT DISTINCT (data->>'accountId') || ':' || (data->>'region') AS unit
    FROM pgboss.job WHERE name = ${queue} AND state < 'completed'`;
  return new Set(rows.map((row) => row.unit));
}
