import type PgBoss from "pg-boss";
import { PG_LOCKS, withPgAdvisoryLock } from "@/lib/db/pg-lock";

/** One job per collection cycle: whoever takes it plans the cycle's poll units. */
export const CYCLE_QUEUE = "imagefleet-cycle";
/** One job per account × region of a cycle. */
export const UNIT_QUEUE = "imagefleet-poll-unit";

/**
 * Every worker creates the queues it uses; creating an existing queue changes nothing. Workers take
 * turns: pg-boss's create_queue run by two processes at once deadlocks on the new partition's keys.
 */
export async function createQueues(boss: PgBoss, databaseUrl: string): Promise<void> {
  await withPgAdvisoryLock(databaseUrl, PG_LOCKS.jobQueues, async () => {
    await boss.createQueue(CYCLE_QUEUE);
    await boss.createQueue(UNIT_QUEUE);
  });
}
