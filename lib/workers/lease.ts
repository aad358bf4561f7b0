import { log } from "@/lib/log";

/** A unit stops a little before its lease ends, so it never runs on after pg-boss gave it to another worker. */
const LEASE_USE = 0.9;
/** How often the lease is renewed, as a share of it: two renewals can fail before it lapses. */
const RENEW_EVERY = 1 / 3;

export interface UnitLease {
  /** Aborts when the lease runs out: no progress was seen for a whole lease. */
  signal: AbortSignal;
  /** The unit did something (an AWS call answered, a phase ended): the next renewal extends the lease. */
  progress(): void;
  release(): void;
}

/**
 * Keeps a job's lease while its unit makes progress: every third of the lease, if anything happened
 * since the last renewal, the lease is extended by a whole lease from now. A unit that stalls keeps
 * no lease: its signal aborts shortly before pg-boss would expire the job.
 */
export function holdLease(leaseSeconds: number, extend: () => Promise<boolean>): UnitLease {
  const controller = new AbortController();
  const leaseMs = leaseSeconds * 1000;
  let progressed = false;
  let deadline = setTimeout(() => controller.abort(), leaseMs * LEASE_USE);
  const renewals = setInterval(async () => {
    if (!progressed || controller.signal.aborted) return;
    progressed = false;
    try {
      if (!(await extend())) return;
      clearTimeout(deadline);
      if (!controller.signal.aborted) deadline = setTimeout(() => controller.abort(), leaseMs * LEASE_USE);
    } catch (error) {
      log.warn({ error: (error as Error).message }, "cannot extend a unit job's lease");
    }
  }, leaseMs * RENEW_EVERY);
  return {
    signal: controller.signal,
    progress: () => {
      progressed = true;
    },
    release: () => {
      clearTimeout(deadline);
      clearInterval(renewals);
    },
  };
}
