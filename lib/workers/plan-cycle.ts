import type PgBoss from "pg-boss";
import type { Collector } from "@/lib/collector/collector";
import { log } from "@/lib/log";
import { deterministicJobId } from "./job-ids";
import { UNIT_QUEUE } from "./queues";
import { unitJobData, unitKey } from "./unit-job";

export interface CyclePlan {
  cycleId: string;
  units: number;
  /** Set when the cycle was not planned: the previous one is still being collected. */
  skipped?: string;
  errors: string[];
}

export interface PlanCycleContext {
  boss: PgBoss;
  collector: Collector;
  clock: () => Date;
  /** How long a worker may hold a unit job before pg-boss hands it to another. */
  leaseSeconds: number;
  signal: AbortSignal;
  /** What follows a finished collection (alerts, reports, retention): run once, by the next planner. */
  afterPreviousCycle: () => Promise<void>;
}

/**
 * Plans one cycle: hub identity, Organizations discovery, AssumeRole per account — then one job per
 * account × region. Like the single-process loop, a cycle never overlaps the previous one: a unit
 * is polled by one worker at a time and a slow fleet does not pile up a backlog.
 */
export async function planCycle(ctx: PlanCycleContext, cycleId: string): Promise<CyclePlan> {
  const pending = await ctx.boss.getQueueSize(UNIT_QUEUE, { before: "completed" });
  if (pending) {
    log.warn({ cycleId, pending }, "previous cycle still running: this one is skipped");
    return { cycleId, units: 0, skipped: `${pending} unit jobs of an earlier cycle pending`, errors: [] };
  }
  await ctx.afterPreviousCycle();
  const discovery = await ctx.collector.discover(ctx.signal);
  if (!discovery.hub) return { cycleId, units: 0, errors: discovery.errors };
  const { units } = await ctx.collector.planUnits(discovery.hub, discovery.members, ctx.clock());
  // One statement: a planner that dies before it inserts none, after it all (retried, it is skipped).
  await ctx.boss.insert(
    units.map((unit) => {
      const data = unitJobData(cycleId, unit);
      return {
        id: deterministicJobId(unitKey(data)),
        name: UNIT_QUEUE,
        data,
        singletonKey: unitKey(data),
        expireInSeconds: ctx.leaseSeconds,
        retryLimit: 3,
        retryDelay: 1,
      };
    }),
  );
  log.info({ cycleId, units: units.length, errors: discovery.errors }, "collection cycle planned");
  return { cycleId, units: units.length, errors: discovery.errors };
}
