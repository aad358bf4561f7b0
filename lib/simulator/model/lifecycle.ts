import type { Deploy, DeployTimeline } from "./deploys";
import type { FunctionSpec } from "./fleet";
import { hashInts } from "./random";
import { HOUR, hourOf, SECOND } from "./time";
import { firstInvocationBetween, invocationBoundsInHour, lastInvocationBetween, patternInvocations } from "./traffic";

export type FunctionState = "Pending" | "Active" | "Inactive" | "Failed";

export type TransitionCause =
  | "created"
  | "deployStarted"
  | "deployCompleted"
  | "idle"
  | "invokedWhileInactive"
  | "restored"
  | "imageDeleted"
  | "imageAccessDenied"
  | "historyStart";

/** One stretch of constant state, as GetFunction would report it. `to` is null while open. */
export interface StateInterval {
  from: number;
  to: number | null;
  state: FunctionState;
  stateReasonCode?: string;
  stateReason?: string;
  lastUpdateStatus: "Successful" | "InProgress";
  lastUpdateStatusReasonCode?: string;
  lastUpdateStatusReason?: string;
  /** What started this interval. */
  cause: TransitionCause;
  /** Index of the deploy whose code is live during the interval. */
  deployIndex: number;
}

const CREATING = { stateReasonCode: "Creating", stateReason: "The function is being created." } as const;
const STATE_DETAILS: Record<
  "Idle" | "Restoring" | "ImageDeleted" | "ImageAccessDenied",
  { stateReasonCode: string; stateReason: string }
> = {
  Idle: {
    stateReasonCode: "Idle",
    stateReason: "The function is inactive because it has not been invoked for an extended period of time.",
  },
  Restoring: { stateReasonCode: "Restoring", stateReason: "The function is being restored after being inactive." },
  ImageDeleted: {
    stateReasonCode: "ImageDeleted",
    stateReason: "Lambda can't find the function's container image in Amazon ECR. The image was deleted.",
  },
  ImageAccessDenied: {
    stateReasonCode: "ImageAccessDenied",
    stateReason: "Lambda doesn't have permission to access the function's container image in Amazon ECR.",
  },
};

const SALT_RESTORE = 31;

/**
 * The true state history of one function, derived from its deploys, its invocations and its
 * image's fate. Computed forward on demand (`ensure`) and kept, so the clock can keep moving.
 *
 * Rules: a deploy makes the function `Pending` until its code is optimised, then `Active`. An
 * `Active` function with no invocation and no deploy for `idleThreshold` turns `Inactive`
 * (`Idle`). The next invocation of an inactive function fails and starts a restore (`Pending`,
 * `Restoring`), after which it is `Active`. Losing the image makes it `Failed` for good.
 */
export class Lifecycle {
  private readonly intervals: StateInterval[] = [];
  private computedUntil: number;
  /** Time of the last invocation or deploy before `computedUntil`. */
  private lastActivity: number;
  /** When the current `Pending` interval ends by itself. */
  private pendingEndsAt = 0;

  constructor(
    private readonly fn: FunctionSpec,
    private readonly deploys: DeployTimeline,
    private readonly idleThreshold: number,
    historyStart: number,
  ) {
    if (fn.createdAt >= historyStart) {
      const creation = deploys.liveAt(fn.createdAt);
      this.openPending(creation, "created", fn.createdAt);
      this.computedUntil = fn.createdAt;
      this.lastActivity = fn.createdAt;
      return;
    }
    const baseline = deploys.liveAt(historyStart);
    const lastInvocation = lastInvocationBetween(fn, baseline.readyAt, historyStart);
    this.lastActivity = Math.max(baseline.readyAt, lastInvocation ?? 0);
    const idleSince = this.lastActivity + idleThreshold;
    if (idleSince <= historyStart)
      this.open({ from: idleSince, state: "Inactive", ...STATE_DETAILS.Idle, cause: "idle" }, baseline.index);
    else this.open({ from: baseline.readyAt, state: "Active", cause: "historyStart" }, baseline.index);
    this.computedUntil = historyStart;
  }

  /** Every interval overlapping [from, to). */
  between(from: number, to: number): StateInterval[] {
    this.ensure(to);
    return this.intervals.filter((interval) => interval.from < to && (interval.to === null || interval.to > from));
  }

  at(time: number): StateInterval {
    this.ensure(time + 1);
    for (let i = this.intervals.length - 1; i >= 0; i--) {
      const interval = this.intervals[i];
      if (interval && interval.from <= time) return interval;
    }
    return this.intervals[0] as StateInterval;
  }

  /** Extends the history so that it is final up to `until`. */
  ensure(until: number): void {
    while (this.computedUntil < until) {
      const current = this.intervals[this.intervals.length - 1] as StateInterval;
      if (current.state === "Failed") {
        this.computedUntil = until;
        return;
      }
      const fate =
        this.fn.imageFate && this.fn.imageFate.at >= this.computedUntil
          ? this.fn.imageFate.at
          : Number.POSITIVE_INFINITY;
      const deploy = this.deploys.next(current.deployIndex, Math.min(fate, until));
      const interruption = Math.min(deploy?.startedAt ?? Number.POSITIVE_INFINITY, fate);
      const horizon = Math.min(interruption, until);
      switch (current.state) {
        case "Pending":
          if (this.pendingEndsAt < interruption && this.pendingEndsAt <= until) {
            this.lastActivity = this.pendingEndsAt;
            this.open(
              {
                from: this.pendingEndsAt,
                state: "Active",
                cause: current.cause === "invokedWhileInactive" ? "restored" : "deployCompleted",
              },
              current.deployIndex,
            );
            continue;
          }
          break;
        case "Active": {
          const idleAt = this.findIdleTime(this.computedUntil, horizon);
          if (idleAt !== undefined) {
            this.open({ from: idleAt, state: "Inactive", ...STATE_DETAILS.Idle, cause: "idle" }, current.deployIndex);
            continue;
          }
          break;
        }
        case "Inactive": {
          const wakeAt = firstInvocationBetween(this.fn, this.computedUntil, horizon);
          if (wakeAt !== undefined) {
            this.open(
              { from: wakeAt, state: "Pending", ...STATE_DETAILS.Restoring, cause: "invokedWhileInactive" },
              current.deployIndex,
            );
            this.pendingEndsAt = wakeAt + this.restoreDuration(wakeAt);
            continue;
          }
          break;
        }
      }
      if (interruption > until) {
        this.computedUntil = until;
      } else if (interruption === fate && this.fn.imageFate) {
        const kind = this.fn.imageFate.kind;
        this.open(
          {
            from: fate,
            state: "Failed",
            ...STATE_DETAILS[kind],
            cause: kind === "ImageDeleted" ? "imageDeleted" : "imageAccessDenied",
          },
          current.deployIndex,
        );
      } else if (deploy) {
        this.openPending(deploy, "deployStarted", deploy.startedAt);
      }
    }
  }

  private openPending(deploy: Deploy, cause: TransitionCause, from: number): void {
    this.open(
      {
        from,
        state: "Pending",
        ...CREATING,
        lastUpdateStatus: "InProgress",
        lastUpdateStatusReasonCode: CREATING.stateReasonCode,
        lastUpdateStatusReason: CREATING.stateReason,
        cause,
      },
      deploy.index,
    );
    this.pendingEndsAt = deploy.readyAt;
  }

  private open(
    interval: Omit<StateInterval, "to" | "deployIndex" | "lastUpdateStatus"> & Partial<StateInterval>,
    deployIndex: number,
  ): void {
    const previous = this.intervals[this.intervals.length - 1];
    if (previous) previous.to = interval.from;
    this.intervals.push({ lastUpdateStatus: "Successful", ...interval, to: null, deployIndex });
    this.computedUntil = Math.max(this.computedUntil, interval.from);
  }

  /** Restoring an image takes longer than restoring a zip package. */
  private restoreDuration(at: number): number {
    const jitter = hashInts(this.fn.key, SALT_RESTORE, Math.floor(at / 1000)) % 20;
    return (this.fn.packageType === "Image" ? 15 + jitter * 3 : 2 + (jitter % 4)) * SECOND;
  }

  /**
   * When the function goes idle in [from, to), or undefined (then `lastActivity` is advanced to
   * the last invocation before `to`). Exact times are only worked out near a possible idle gap;
   * busy hours far from the threshold are skipped on their hourly count alone.
   */
  private findIdleTime(from: number, to: number): number | undefined {
    const threshold = this.idleThreshold;
    let exact = this.lastActivity;
    let busyHour = -1;
    const resolve = (): number => {
      if (busyHour < 0) return exact;
      const bounds = invocationBoundsInHour(this.fn, busyHour, busyHour * HOUR, Math.min(to, (busyHour + 1) * HOUR));
      return Math.max(exact, bounds?.last ?? exact);
    };
    for (let hour = hourOf(from); hour * HOUR < to; hour++) {
      const segmentStart = Math.max(from, hour * HOUR);
      const segmentEnd = Math.min(to, (hour + 1) * HOUR);
      const latestPossible = busyHour < 0 ? exact : Math.max(exact, (busyHour + 1) * HOUR);
      if (latestPossible + threshold <= segmentStart) return resolve() + threshold;
      if (patternInvocations(this.fn, hour) === 0) continue;
      const wholeHour = segmentStart === hour * HOUR && segmentEnd === (hour + 1) * HOUR;
      const earliestPossible = busyHour < 0 ? exact : Math.max(exact, busyHour * HOUR);
      if (wholeHour && earliestPossible + threshold > segmentEnd) {
        busyHour = hour;
        continue;
      }
      const bounds = invocationBoundsInHour(this.fn, hour, segmentStart, segmentEnd);
      if (!bounds) continue;
      const last = resolve();
      if (bounds.first >= last + threshold) return last + threshold;
      exact = bounds.last;
      busyHour = -1;
    }
    const last = resolve();
    if (last + threshold < to) return last + threshold;
    this.lastActivity = last;
    return undefined;
  }
}
