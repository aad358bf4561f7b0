import { ActivityModel } from "./activity";
import { BaseImageCatalog } from "./catalog";
import type { SimulatedClock } from "./clock";
import { DeployTimeline } from "./deploys";
import { buildFleet, type Fleet, type FunctionSpec, scopeKey } from "./fleet";
import { type ImageRecord, ImageRegistry } from "./images";
import { Lifecycle } from "./lifecycle";
import { LogVolume } from "./log-volume";
import { DAY } from "./time";

export interface WorldOptions {
  seed: number;
  functions: number;
  start: number;
  idleThresholdDays: number;
}

/** The whole simulated estate: the fleet, its base images, and lazily computed histories. */
export class World {
  readonly fleet: Fleet;
  readonly catalog: BaseImageCatalog;
  readonly images: ImageRegistry;
  readonly activity: ActivityModel;
  readonly logVolume: LogVolume;
  readonly idleThresholdMs: number;
  /** Log group name → the functions writing to it, per `account/region`. */
  readonly logGroups: ReadonlyMap<string, ReadonlyMap<string, readonly FunctionSpec[]>>;
  private readonly deployTimelines = new Map<number, DeployTimeline>();
  private readonly lifecycles = new Map<number, Lifecycle>();

  constructor(
    options: WorldOptions,
    readonly clock: SimulatedClock,
  ) {
    this.fleet = buildFleet(options);
    this.idleThresholdMs = options.idleThresholdDays * DAY;
    this.catalog = new BaseImageCatalog(options.seed, options.start);
    this.images = new ImageRegistry(this.fleet, this.catalog, (fn) => this.deploysOf(fn));
    this.activity = new ActivityModel((fn) => this.lifecycleOf(fn));
    this.logVolume = new LogVolume(this.fleet.historyStart);
    this.logGroups = groupLogGroups(this.fleet.functions);
  }

  now(): number {
    return this.clock.now();
  }

  deploysOf(fn: FunctionSpec): DeployTimeline {
    let timeline = this.deployTimelines.get(fn.index);
    if (!timeline) {
      timeline = new DeployTimeline(fn, this.fleet.historyStart);
      this.deployTimelines.set(fn.index, timeline);
    }
    return timeline;
  }

  lifecycleOf(fn: FunctionSpec): Lifecycle {
    let lifecycle = this.lifecycles.get(fn.index);
    if (!lifecycle) {
      lifecycle = new Lifecycle(fn, this.deploysOf(fn), this.idleThresholdMs, this.fleet.historyStart);
      this.lifecycles.set(fn.index, lifecycle);
    }
    return lifecycle;
  }

  /** Lambda pulls an image when it deploys it and when it restores an inactive function. */
  lastPullOf(fn: FunctionSpec, image: ImageRecord): number | undefined {
    const now = this.now();
    const pulls = this.lifecycleOf(fn)
      .between(image.pushedAt, now)
      .filter(
        (interval) =>
          interval.state === "Pending" && interval.deployIndex === image.deployIndex && interval.from <= now,
      );
    return pulls[pulls.length - 1]?.from;
  }

  /** Functions that exist at `at` in one account and region, sorted by name. */
  functionsIn(accountId: string, region: string, at: number): FunctionSpec[] {
    return (this.fleet.byScope.get(scopeKey(accountId, region)) ?? []).filter((fn) => fn.createdAt <= at);
  }

  /** A function by name, full ARN or partial ARN (`account:function:name`), as Lambda accepts them. */
  resolveFunction(reference: string, accountId: string, region: string): FunctionSpec | undefined {
    const match = /^(?:arn:aws:lambda:([a-z0-9-]+):)?(?:(\d{12}):function:)?([A-Za-z0-9_-]+)(?::(\$LATEST))?$/.exec(
      reference,
    );
    if (!match) return undefined;
    const [, arnRegion, arnAccount, name] = match;
    if ((arnRegion ?? region) !== region || (arnAccount ?? accountId) !== accountId || !name) return undefined;
    const fn = this.fleet.byName.get(name);
    return fn && fn.accountId === accountId && fn.region === region && fn.createdAt <= this.now() ? fn : undefined;
  }
}

function groupLogGroups(functions: readonly FunctionSpec[]): Map<string, Map<string, FunctionSpec[]>> {
  const groups = new Map<string, Map<string, FunctionSpec[]>>();
  for (const fn of functions) {
    const scope = scopeKey(fn.accountId, fn.region);
    const inScope = groups.get(scope) ?? new Map<string, FunctionSpec[]>();
    groups.set(scope, inScope);
    const members = inScope.get(fn.logGroup) ?? [];
    members.push(fn);
    inScope.set(fn.logGroup, members);
  }
  return groups;
}
