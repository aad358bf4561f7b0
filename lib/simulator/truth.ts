import { ACCOUNTS, type Account, REGIONS } from "./model/accounts";
import type { HourActivity } from "./model/activity";
import { RUNTIMES } from "./model/catalog";
import type { Deploy } from "./model/deploys";
import type { FunctionSpec, PackageType } from "./model/fleet";
import {
  aliasesAt,
  imageHygiene,
  type LifecyclePolicyKind,
  policyAgeDays,
  publishedVersions,
  scanState,
} from "./model/image-hygiene";
import type { ImageRecord, SeverityCounts } from "./model/images";
import { executedInvocations } from "./model/invocations";
import type { FunctionState, StateInterval, TransitionCause } from "./model/lifecycle";
import { type Datapoint, isLambdaMetric, metricDatapoints, parseStatistic } from "./model/metrics";
import { DAY, HOUR, MINUTE } from "./model/time";
import type { InvocationPattern } from "./model/traffic";
import type { World } from "./model/world";
import type { CallCount, CallCounters } from "./quota";

/** A function by ARN or by name (names are unique across the simulated fleet). */
export type FunctionKey = string;

export interface ImageTruth {
  registryId: string;
  repositoryName: string;
  tag: string;
  digest: string;
  imageUri: string;
  resolvedImageUri: string;
  sizeBytes: number;
  pushedAt: Date;
  deletedAt: Date | null;
  baseImage: string;
  baseRuntime: string;
  baseReleaseTag: string;
  baseReleaseIndex: number;
  baseReleasedAt: Date;
  baseLayerDigests: string[];
  appLayerDigests: string[];
  releasesBehindAtBuild: number;
  /** Newer releases of the same base image published by now. */
  releasesBehindNow: number;
  runtimeDeprecated: boolean;
  findings: SeverityCounts | null;
}

/** What the repository's lifecycle policy does to one digest, worked out from the policy kind. */
export type LifecycleTruth =
  | { status: "kept" }
  | { status: "expires"; rulePriority: number; expiresAt: Date | null; pushesLeft: number | null }
  | { status: "cannot-evaluate"; rulePriority: number };

export interface DigestInUseTruth {
  digest: string;
  /** "$LATEST", "version 7", "alias live (10 %)". */
  usedBy: string[];
  /** Null when the repository has no lifecycle policy. */
  lifecycle: LifecycleTruth | null;
  /** Null when the repository does not scan. */
  scan: { status: string; completedAt: Date } | null;
}

export interface ImageSafetyTruth {
  policy: LifecyclePolicyKind | null;
  versions: { version: string; digest: string }[];
  aliases: { name: string; version: string; additionalVersionWeights: Record<string, number> }[];
  digests: DigestInUseTruth[];
}

export interface FunctionTruth {
  arn: string;
  name: string;
  accountId: string;
  region: string;
  packageType: PackageType;
  /** Zip: the Lambda runtime. Image: the runtime of the AWS base image it is built on. */
  runtime: string;
  team: string | null;
  tags: Record<string, string>;
  createdAt: Date;
  logGroup: string;
  logFormat: "Text" | "JSON";
  memoryMb: number;
  architecture: string;
  pattern: InvocationPattern;
  lastModified: Date;
  deployCount: number;
  image: ImageTruth | null;
  imageFate: { kind: string; at: Date } | null;
  /** Present when asked for (computing state for a whole large fleet takes a while). */
  state?: StateTruth;
}

export interface StateTruth {
  from: Date;
  to: Date | null;
  state: FunctionState;
  stateReasonCode: string | null;
  stateReason: string | null;
  lastUpdateStatus: string;
  cause: TransitionCause;
}

export interface Transition {
  at: Date;
  from: FunctionState | null;
  to: FunctionState;
  stateReasonCode: string | null;
  cause: TransitionCause;
}

export interface ActivityTruth {
  invocations: number;
  errors: number;
  throttles: number;
  /** Invocations that failed because the function was Inactive, restoring or Failed. */
  failedInvocations: number;
  coldStarts: number;
}

export interface ColdStartTruth {
  at: Date;
  timestamp: number;
  initDurationMs: number;
  requestId: string;
  logGroup: string;
}

export interface BaseImageTruth {
  runtime: string;
  baseImage: string;
  deprecated: boolean;
  deprecatedAt: Date | null;
  releases: { releaseTag: string; index: number; releasedAt: Date; layerDigests: string[] }[];
}

export interface DeletedImageTruth {
  functionArn: string;
  registryId: string;
  repositoryName: string;
  digest: string;
  tag: string;
  deletedAt: Date;
}

/** The simulator's ground truth, read directly from the models the APIs answer from. */
export class Truth {
  constructor(
    private readonly world: World,
    private readonly counters: CallCounters,
  ) {}

  now(): Date {
    return new Date(this.world.now());
  }

  get startTime(): Date {
    return new Date(this.world.fleet.start);
  }

  get historyStart(): Date {
    return new Date(this.world.fleet.historyStart);
  }

  get idleThresholdDays(): number {
    return this.world.idleThresholdMs / DAY;
  }

  accounts(): readonly Account[] {
    return ACCOUNTS;
  }

  regions(): readonly string[] {
    return REGIONS;
  }

  /** Every function existing now, optionally filtered; with `withState`, its current state too. */
  functions(
    filter: { accountId?: string; region?: string; packageType?: PackageType; withState?: boolean } = {},
  ): FunctionTruth[] {
    const now = this.world.now();
    return this.world.fleet.functions
      .filter(
        (fn) =>
          fn.createdAt <= now &&
          (!filter.accountId || fn.accountId === filter.accountId) &&
          (!filter.region || fn.region === filter.region) &&
          (!filter.packageType || fn.packageType === filter.packageType),
      )
      .map((fn) => this.describe(fn, filter.withState ?? false));
  }

  function(ref: FunctionKey): FunctionTruth | undefined {
    const fn = this.find(ref);
    return fn ? this.describe(fn, true) : undefined;
  }

  stateAt(ref: FunctionKey, at: Date | number): StateTruth {
    return stateTruth(this.world.lifecycleOf(this.require(ref)).at(toTime(at)));
  }

  /** State intervals overlapping [from, to) (default: history start to now). */
  stateIntervals(ref: FunctionKey, from?: Date | number, to?: Date | number): StateTruth[] {
    return this.world
      .lifecycleOf(this.require(ref))
      .between(toTime(from ?? this.world.fleet.historyStart), toTime(to ?? this.world.now()))
      .map(stateTruth);
  }

  /** Transitions with from ≤ at < to (default: history start to now). */
  transitions(ref: FunctionKey, from?: Date | number, to?: Date | number): Transition[] {
    const start = toTime(from ?? this.world.fleet.historyStart);
    const end = toTime(to ?? this.world.now());
    const intervals = this.world.lifecycleOf(this.require(ref)).between(start - 1, end);
    return intervals.flatMap((interval, index) =>
      interval.from >= start && interval.from < end
        ? [
            {
              at: new Date(interval.from),
              from: index > 0 ? (intervals[index - 1]?.state ?? null) : null,
              to: interval.state,
              stateReasonCode: interval.stateReasonCode ?? null,
              cause: interval.cause,
            },
          ]
        : [],
    );
  }

  /** The first transition after `after` (default now), looking ahead at most `horizonDays`. */
  nextTransition(ref: FunctionKey, after?: Date | number, horizonDays = 60): Transition | undefined {
    const start = toTime(after ?? this.world.now()) + 1;
    return this.transitions(ref, start, start + horizonDays * DAY)[0];
  }

  /** Counts over the whole minutes starting in [from, to), clipped to history and now. */
  activity(ref: FunctionKey, from: Date | number, to: Date | number): ActivityTruth {
    const fn = this.require(ref);
    const totals: ActivityTruth = { invocations: 0, errors: 0, throttles: 0, failedInvocations: 0, coldStarts: 0 };
    this.forEachMinute(fn, toTime(from), toTime(to), (activity, offset) => {
      totals.invocations += activity.invocations[offset] ?? 0;
      totals.errors += activity.errors[offset] ?? 0;
      totals.throttles += activity.throttles[offset] ?? 0;
      totals.failedInvocations += activity.failed[offset] ?? 0;
      totals.coldStarts += activity.coldStarts[offset] ?? 0;
    });
    return totals;
  }

  /** Every cold start with its REPORT timestamp in [from, to) (milliseconds, exact). */
  coldStarts(ref: FunctionKey, from: Date | number, to: Date | number): ColdStartTruth[] {
    const fn = this.require(ref);
    const start = toTime(from);
    const end = toTime(to);
    const result: ColdStartTruth[] = [];
    this.forEachMinute(fn, Math.floor(start / MINUTE) * MINUTE, end, (activity, offset) => {
      for (const invocation of executedInvocations(fn, activity, offset, true)) {
        if (invocation.time < start || invocation.time >= end || invocation.initDurationMs === undefined) continue;
        result.push({
          at: new Date(invocation.time),
          timestamp: invocation.time,
          initDurationMs: invocation.initDurationMs,
          requestId: invocation.requestId,
          logGroup: fn.logGroup,
        });
      }
    });
    return result;
  }

  /** The datapoints GetMetricData returns for the function (ascending), e.g. metric("x", "Invocations", "Sum", …). */
  metric(
    ref: FunctionKey,
    metricName: string,
    stat: string,
    from: Date | number,
    to: Date | number,
    periodSeconds: number,
  ): Datapoint[] {
    const statistic = parseStatistic(stat);
    if (!isLambdaMetric(metricName) || !statistic) throw new Error(`unsupported metric ${metricName}/${stat}`);
    return metricDatapoints(
      this.world,
      this.require(ref),
      metricName,
      statistic,
      toTime(from),
      toTime(to),
      periodSeconds * 1000,
    );
  }

  /** Every image pushed for an image function so far, deleted ones included, oldest first. */
  images(ref: FunctionKey): ImageTruth[] {
    const fn = this.require(ref);
    return this.world.images.pushedUntil(fn, this.world.now()).map((image) => this.imageTruth(fn, image));
  }

  deletedImages(): DeletedImageTruth[] {
    const now = this.world.now();
    return this.world.fleet.functions.flatMap((fn) => {
      if (fn.imageFate?.kind !== "ImageDeleted" || fn.imageFate.at > now) return [];
      const image = this.world.images.imageFor(fn, this.world.deploysOf(fn).liveAt(fn.imageFate.at));
      return [
        {
          functionArn: fn.arn,
          registryId: image.registryId,
          repositoryName: image.repositoryName,
          digest: image.digest,
          tag: image.tag,
          deletedAt: new Date(fn.imageFate.at),
        },
      ];
    });
  }

  /**
   * Lifecycle policy, versions, aliases and scan state of an image function: every digest it
   * runs ($LATEST's and its versions'), what the policy does to each, and whether it is still scanned.
   */
  imageSafety(ref: FunctionKey): ImageSafetyTruth {
    const fn = this.require(ref);
    const now = this.world.now();
    const hygiene = imageHygiene(fn);
    const empty: ImageSafetyTruth = { policy: null, versions: [], aliases: [], digests: [] };
    if (fn.packageType !== "Image") return empty;
    const timeline = this.world.deploysOf(fn);
    const versions = hygiene.versions ? publishedVersions(timeline, now) : [];
    const aliases = aliasesAt(hygiene, versions);
    const usedBy = new Map<string, string[]>();
    const use = (deploy: Deploy, label: string) => {
      const digest = this.world.images.imageFor(fn, deploy).digest;
      usedBy.set(digest, [...(usedBy.get(digest) ?? []), label]);
    };
    use(timeline.liveAt(now), "$LATEST");
    for (const version of versions) use(version.deploy, `version ${version.version}`);
    for (const alias of aliases) {
      const weights = Object.values(alias.additional).reduce((sum, weight) => sum + weight, 0);
      const primary = versions.find((v) => v.version === alias.version);
      if (primary) use(primary.deploy, `alias ${alias.name} (${Math.round((1 - weights) * 100)} %)`);
      for (const [version, weight] of Object.entries(alias.additional)) {
        const routed = versions.find((v) => v.version === version);
        if (routed) use(routed.deploy, `alias ${alias.name} (${Math.round(weight * 100)} %)`);
      }
    }
    const repository = this.world.images.imagesAt(fn, now);
    const digests = [...usedBy].map(([digest, labels]): DigestInUseTruth => {
      const image = repository.find((candidate) => candidate.digest === digest);
      return {
        digest,
        usedBy: labels,
        lifecycle: image && hygiene.policy ? this.lifecycleTruth(fn, hygiene.policy, image, repository) : null,
        scan: image?.scan ? this.scanTruth(fn, image, hygiene.enhancedScanning) : null,
      };
    });
    return {
      policy: hygiene.policy,
      versions: versions.map((v) => ({
        version: v.version,
        digest: this.world.images.imageFor(fn, v.deploy).digest,
      })),
      aliases: aliases.map((a) => ({ name: a.name, version: a.version, additionalVersionWeights: a.additional })),
      digests,
    };
  }

  /** The policy kinds' effects, worked out directly (not by the general evaluator). */
  private lifecycleTruth(
    fn: FunctionSpec,
    kind: LifecyclePolicyKind,
    image: ImageRecord,
    repository: readonly ImageRecord[],
  ): LifecycleTruth {
    switch (kind) {
      case "age-soon":
      case "age-far": {
        // Every image is tagged, so rule 1 (untagged) never selects one; rule 2 (any) ages them all.
        const start = this.world.fleet.start;
        const live = this.world.images.imageFor(fn, this.world.deploysOf(fn).liveAt(start));
        const days = policyAgeDays(fn, live, start, kind);
        return {
          status: "expires",
          rulePriority: 2,
          expiresAt: new Date(image.pushedAt + days * DAY),
          pushesLeft: null,
        };
      }
      case "keep-last-one": {
        const newer = repository.filter((other) => other.pushedAt > image.pushedAt).length;
        return { status: "expires", rulePriority: 1, expiresAt: null, pushesLeft: Math.max(0, 1 - newer) };
      }
      case "keep-releases":
        return { status: "kept" };
      case "since-pulled":
        return { status: "cannot-evaluate", rulePriority: 1 };
    }
  }

  private scanTruth(fn: FunctionSpec, image: ImageRecord, enhanced: boolean) {
    const now = this.world.now();
    const scan = scanState(image, enhanced, this.world.lastPullOf(fn, image), now);
    return { status: scan.status, completedAt: new Date(scan.completedAt) };
  }

  /** AWS base-image releases per runtime published by now. */
  baseImageCatalog(): BaseImageTruth[] {
    const now = this.world.now();
    const catalog = this.world.catalog;
    return RUNTIMES.map((spec) => {
      const deprecatedAt = catalog.deprecationDate(spec.runtime);
      return {
        runtime: spec.runtime,
        baseImage: spec.baseImage,
        deprecated: catalog.isDeprecated(spec.runtime, now),
        deprecatedAt: deprecatedAt === undefined ? null : new Date(deprecatedAt),
        releases: catalog.releases(spec.runtime, now).map((release) => ({
          releaseTag: release.releaseTag,
          index: release.index,
          releasedAt: new Date(release.releasedAt),
          layerDigests: release.layers.map((layer) => layer.digest),
        })),
      };
    });
  }

  apiCalls(): CallCount[] {
    return this.counters.snapshot();
  }

  resetApiCalls(): void {
    this.counters.reset();
  }

  private describe(fn: FunctionSpec, withState: boolean): FunctionTruth {
    const now = this.world.now();
    const deploy = this.world.deploysOf(fn).liveAt(now);
    const image = fn.packageType === "Image" ? this.imageTruth(fn, this.world.images.imageFor(fn, deploy)) : null;
    return {
      arn: fn.arn,
      name: fn.name,
      accountId: fn.accountId,
      region: fn.region,
      packageType: fn.packageType,
      runtime: fn.runtime,
      team: fn.team ?? null,
      tags: fn.tags,
      createdAt: new Date(fn.createdAt),
      logGroup: fn.logGroup,
      logFormat: fn.logFormat,
      memoryMb: fn.memoryMb,
      architecture: fn.architecture,
      pattern: fn.pattern,
      lastModified: new Date(deploy.startedAt),
      deployCount: deploy.index + 1,
      image,
      imageFate: fn.imageFate ? { kind: fn.imageFate.kind, at: new Date(fn.imageFate.at) } : null,
      ...(withState ? { state: stateTruth(this.world.lifecycleOf(fn).at(now)) } : {}),
    };
  }

  private imageTruth(fn: FunctionSpec, image: ImageRecord): ImageTruth {
    const now = this.world.now();
    const repositoryUri = `${image.registryId}.dkr.ecr.${image.region}.amazonaws.com/${image.repositoryName}`;
    return {
      registryId: image.registryId,
      repositoryName: image.repositoryName,
      tag: image.tag,
      digest: image.digest,
      imageUri: `${repositoryUri}:${image.tag}`,
      resolvedImageUri: `${repositoryUri}@${image.digest}`,
      sizeBytes: image.sizeBytes,
      pushedAt: new Date(image.pushedAt),
      deletedAt: image.deletedAt === undefined ? null : new Date(image.deletedAt),
      baseImage: image.baseRelease.baseImage,
      baseRuntime: fn.runtime,
      baseReleaseTag: image.baseRelease.releaseTag,
      baseReleaseIndex: image.baseRelease.index,
      baseReleasedAt: new Date(image.baseRelease.releasedAt),
      baseLayerDigests: image.baseRelease.layers.map((layer) => layer.digest),
      appLayerDigests: image.appLayers.map((layer) => layer.digest),
      releasesBehindAtBuild: image.releasesBehindAtBuild,
      releasesBehindNow: this.world.catalog.latestAt(fn.runtime, now).index - image.baseRelease.index,
      runtimeDeprecated: this.world.catalog.isDeprecated(fn.runtime, now),
      findings: image.scan?.counts ?? null,
    };
  }

  private forEachMinute(
    fn: FunctionSpec,
    from: number,
    to: number,
    visit: (activity: HourActivity, offset: number) => void,
  ): void {
    const start = Math.max(from, this.world.fleet.historyStart);
    const end = Math.min(to, this.world.now());
    for (let hour = Math.floor(start / HOUR); hour * HOUR < end; hour++) {
      const activity = this.world.activity.hour(fn, hour, this.world.now());
      for (let offset = 0; offset < 60; offset++) {
        const minuteStart = (hour * 60 + offset) * MINUTE;
        if (minuteStart >= start && minuteStart < end) visit(activity, offset);
      }
    }
  }

  private find(ref: FunctionKey): FunctionSpec | undefined {
    return this.world.fleet.byArn.get(ref) ?? this.world.fleet.byName.get(ref);
  }

  private require(ref: FunctionKey): FunctionSpec {
    const fn = this.find(ref);
    if (!fn) throw new Error(`no simulated function ${ref}`);
    return fn;
  }
}

function stateTruth(interval: StateInterval): StateTruth {
  return {
    from: new Date(interval.from),
    to: interval.to === null ? null : new Date(interval.to),
    state: interval.state,
    stateReasonCode: interval.stateReasonCode ?? null,
    stateReason: interval.stateReason ?? null,
    lastUpdateStatus: interval.lastUpdateStatus,
    cause: interval.cause,
  };
}

const toTime = (value: Date | number): number => (typeof value === "number" ? value : value.getTime());
