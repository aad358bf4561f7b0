import type PgBoss from "pg-boss";

/** One job per collection cycle: whoever takes it plans the cycle's poll units. */
export const CYCLE_QUEUE = "imagefleet-cycle";
/** One job per account × region of a cycle. */
export const UNIT_QUEUE = "imagefleet-poll-unit";

/** Every worker creates the queues it uses; creating an existing queue changes nothing. */
export async function createQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(CYCLE_QUEUE);
  await boss.createQueue(UNIT_QUEUE);
}
