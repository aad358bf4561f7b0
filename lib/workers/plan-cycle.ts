import type PgBoss from "pg-boss";
import type { Collector } from "@/lib/collector/collector";
import { log } from "@/lib/log";
import { deterministicJobId } from "./job-ids";
import { UNIT_QUEUE } from "./queues";
import { unitJobData, unitKey } from "./unit-job";

export interface CyclePlan {
  cycleId: string;
  units: number;
  /** Units left out of this cycle: their job of an earlier cycle is still waiting or running. */
  busy: string[];
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
  /** `accountId:region` of the units whose job of an earlier cycle is still waiting or running. */
  unitsInFlight: () => Promise<Set<string>>;
}

/**
 * Plans one cycle: hub identity, Organizations discovery, AssumeRole per account — then one job per
 * account × region. A unit whose previous job is still waiting or running is left out of this cycle
 * (a unit is polled by one worker at a time, and a slow unit does not pile up a backlog); the
 * others are collected on time.
 */
export async function planCycle(ctx: PlanCycleContext, cycleId: string): Promise<CyclePlan> {
  const inFlight = await ctx.unitsInFlight();
  await ctx.afterPreviousCycle();
  const discovery = await ctx.collector.discover(ctx.signal);
  if (!discovery.hub) return { cycleId, units: 0, busy: [], errors: discovery.errors };
  const planned = (await ctx.collector.planUnits(discovery.hub, discovery.members, ctx.clock())).units;
  const busy = planned.filter((unit) => inFlight.has(`${unit.accountId}:${unit.region}`));
  const units = planned.filter((unit) => !inFlight.has(`${unit.accountId}:${unit.region}`));
  if (busy.length > 0) {
    log.warn({ cycleId, busy: busy.length }, "units still being collected by an earlier cycle: left out of this one");
  }
  // One statement: a planner that dies before it inserts none, after it all (retried, its units are in flight).
  if (units.length > 0)
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
  return {
    cycleId,
    units: units.length,
    busy: busy.map((unit) => `${unit.accountId}:${unit.region}`),
    errors: discovery.errors,
  };
}
