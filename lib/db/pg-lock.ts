import pg from "pg";

/** Keys of the cross-process locks ImageFleet takes; arbitrary but constant. */
export const PG_LOCKS = { migrations: 7_424_001, jobQueues: 7_424_002, rollups: 7_424_003 } as const;

/**
 * Runs `work` while holding a session-level PostgreSQL advisory lock, so processes that start at
 * once take turns. `work` gets the locking connection for statements that must run under the lock.
 */
export async function withPgAdvisoryLock<T>(
  url: string,
  key: number,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    return await work(client);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => {});
    await client.end();
  }
}
