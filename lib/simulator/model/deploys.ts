import type { FunctionSpec } from "./fleet";
import { hashInts, unitFloat } from "./random";
import { DAY, dayOf, HOUR, MINUTE, SECOND } from "./time";

export interface Deploy {
  /** 0 = the function's creation; each later code update adds one. */
  index: number;
  kind: "create" | "update";
  startedAt: number;
  /** When the new code is optimised and the function leaves `Pending`. */
  readyAt: number;
}

const SALT_DEPLOY_DAY = 21;
const SALT_DEPLOY_TIME = 22;
const SALT_PENDING = 23;

/**
 * A function's deploys: its creation, the deploy live when history starts, then at most one per
 * day (working hours, UTC) at the function's cadence. Extended lazily as the clock moves; none
 * after the function's image is lost, since such functions stay `Failed`.
 */
export class DeployTimeline {
  private readonly deploys: Deploy[] = [];
  private nextDay: number;

  constructor(
    private readonly fn: FunctionSpec,
    historyStart: number,
  ) {
    this.deploys.push(this.deployAt(0, "create", fn.createdAt));
    if (fn.baselineDeployAt !== undefined) this.deploys.push(this.deployAt(1, "update", fn.baselineDeployAt));
    this.nextDay = dayOf(Math.max(historyStart, fn.createdAt)) + 1;
  }

  /** Deploys started at or before `at`. */
  until(at: number): readonly Deploy[] {
    this.extendTo(at);
    let count = this.deploys.length;
    while (count > 0 && (this.deploys[count - 1]?.startedAt ?? 0) > at) count--;
    return this.deploys.slice(0, count);
  }

  /** The deploy whose code is live (or being optimised) at `at`. */
  liveAt(at: number): Deploy {
    const started = this.until(at);
    return started[started.length - 1] ?? (this.deploys[0] as Deploy);
  }

  /** The deploy after deploy `index`, if it starts before `before` (a finite time). */
  next(index: number, before: number): Deploy | undefined {
    this.extendTo(before);
    const deploy = this.deploys[index + 1];
    return deploy && deploy.startedAt < before ? deploy : undefined;
  }

  private extendTo(at: number): void {
    const lastDay = dayOf(Math.min(at, this.fn.imageFate?.at ?? Number.POSITIVE_INFINITY));
    for (; this.nextDay <= lastDay; this.nextDay++) {
      if (unitFloat(this.fn.key, SALT_DEPLOY_DAY, this.nextDay) >= this.fn.deploysPerDay) continue;
      const timeOfDay = (8 + (hashInts(this.fn.key, SALT_DEPLOY_TIME, this.nextDay) % 10)) * HOUR;
      const minute = (hashInts(this.fn.key, SALT_DEPLOY_TIME, this.nextDay, 1) % 60) * MINUTE;
      const startedAt = this.nextDay * DAY + timeOfDay + minute;
      if (startedAt >= (this.fn.imageFate?.at ?? Number.POSITIVE_INFINITY)) continue;
      this.deploys.push(this.deployAt(this.deploys.length, "update", startedAt));
    }
  }

  private deployAt(index: number, kind: Deploy["kind"], startedAt: number): Deploy {
    // Image optimisation takes longer for bigger images; zip packages are ready almost at once.
    const jitter = hashInts(this.fn.key, SALT_PENDING, index) % 8;
    const seconds =
      this.fn.packageType === "Image"
        ? 4 + Math.round((this.fn.codeSizeBytes / 1024 ** 3) * 5) + jitter
        : 1 + (jitter % 4);
    return { index, kind, startedAt: Math.round(startedAt), readyAt: Math.round(startedAt) + seconds * SECOND };
  }
}
