import { idleStatus } from "../idle";
import { compareColdStarts } from "../rules/cold-start-regression";
import { DEFAULT_RULE_CONFIG } from "../rules/config";
import { deprecationNotice, effectiveRuntime } from "../rules/deprecated-runtime";
import { expiryRisk } from "../rules/image-expiry-risk";
import { type StateTransition, stateAt, timeInStates, transitionsIn } from "../state-intervals";
import { type BucketAggregate, mergeBuckets } from "../stats";
import { utcDate, wholeDaysBetween } from "../time";
import { FunctionState, PackageType } from "../types";
import type { LocalDay } from "../weeks";
import type {
  BehindEntry,
  CriticalFindingsEntry,
  DeprecatedRuntimeEntry,
  ExpiringImageEntry,
  IdleRiskEntry,
  LifecycleEvent,
  OldImageEntry,
  RegressionEntry,
  ReportConfig,
  ReportFunction,
  ReportFunctionRef,
  ReportImage,
} from "./types";

export interface ReportWindow {
  start: Date;
  /** min(now, week end): figures cover [start, asOf). */
  asOf: Date;
  /** End of the week after, the horizon of the idle-risk list. */
  horizon: Date;
  /** The week's local days that start before `asOf`. */
  days: LocalDay[];
}

/** One function's contribution to a report, computed once and summed into fleet and team sections. */
export interface FunctionWeek {
  ref: ReportFunctionRef;
  existsAtEnd: boolean;
  isImage: boolean;
  created: boolean;
  /** First seen within the week by the first collection of its account × region. */
  imported: boolean;
  /** Observed state at the end of the window; null when deleted or unknown. */
  stateAtEnd: string | null;
  deleted: boolean;
  deploys: number;
  stateMs: Record<string, number>;
  transitions: number;
  wentInactive: LifecycleEvent | null;
  wentFailed: LifecycleEvent | null;
  idleRisk: IdleRiskEntry | null;
  invocations: number;
  coldStarts: number;
  /** Per day of `window.days`. */
  daily: { invocations: number; coldStarts: number }[];
  initBuckets: BucketAggregate[];
  regression: { entry: RegressionEntry; strength: number } | null;
  behind: BehindEntry | null;
  deprecatedRuntime: DeprecatedRuntimeEntry | null;
  criticalFindings: CriticalFindingsEntry | null;
  expiring: ExpiringImageEntry | null;
  image: OldImageEntry | null;
}

const within = (at: Date, from: Date, to: Date) => at >= from && at < to;

/** Null when the function neither existed in [start, asOf) nor was deleted within it. */
export function functionWeek(
  fn: ReportFunction,
  team: string,
  window: ReportWindow,
  config: ReportConfig,
): FunctionWeek | null {
  const { start, asOf } = window;
  // Half-open weeks: a deletion at the very start instant belongs to this week.
  if (fn.firstSeenAt >= asOf || (fn.deletedAt !== null && fn.deletedAt < start)) return null;
  const ref: ReportFunctionRef = { id: fn.id, accountId: fn.accountId, region: fn.region, name: fn.name, team };
  const deletedAt = fn.deletedAt !== null && fn.deletedAt < asOf ? fn.deletedAt : null;
  const existsAtEnd = deletedAt === null;
  const lifeWindow = { start, end: deletedAt ?? asOf };
  const transitions = transitionsIn(fn.stateIntervals, lifeWindow);
  const activity = new Map(fn.dailyActivity.map((day) => [day.date, day]));
  const daily = window.days.map((day) => ({
    invocations: activity.get(day.date)?.invocations ?? 0,
    coldStarts: activity.get(day.date)?.coldStarts ?? 0,
  }));
  const initBuckets = fn.initHours
    .filter((hour) => within(hour.start, start, asOf))
    .map(({ count, avg, p95, max }) => ({ count, avg, p95, max }));
  const invocations = daily.reduce((sum, day) => sum + day.invocations, 0);
  const coldStarts = daily.reduce((sum, day) => sum + day.coldStarts, 0);
  const firstSeenInWeek = within(fn.firstSeenAt, start, asOf);
  const created = firstSeenInWeek && !fn.firstCollection;
  const deploys = fn.deploys.filter((at) => within(at, start, asOf)).length;
  return {
    ref,
    existsAtEnd,
    isImage: fn.packageType === PackageType.Image,
    created,
    imported: firstSeenInWeek && fn.firstCollection,
    stateAtEnd: existsAtEnd ? (stateAt(fn.stateIntervals, new Date(asOf.getTime() - 1))?.state ?? null) : null,
    deleted: !existsAtEnd,
    deploys,
    stateMs: timeInStates(fn.stateIntervals, lifeWindow),
    transitions: transitions.length,
    wentInactive: lifecycleEvent(ref, transitions, FunctionState.Inactive),
    wentFailed: lifecycleEvent(ref, transitions, FunctionState.Failed),
    idleRisk: existsAtEnd ? idleRisk(fn, ref, window, config) : null,
    invocations,
    coldStarts,
    daily,
    initBuckets,
    regression: regression(ref, { invocations, coldStarts, initP95Ms: mergeBuckets(initBuckets).p95 }, fn, config),
    ...(existsAtEnd ? imageEntries(fn, ref, asOf, config) : NO_IMAGE_ENTRIES),
  };
}

function lifecycleEvent(
  ref: ReportFunctionRef,
  transitions: readonly StateTransition[],
  state: FunctionState,
): LifecycleEvent | null {
  const episodes = transitions.flatMap((t, index) => (t.to.state === state ? [index] : []));
  const first = episodes[0];
  const last = episodes[episodes.length - 1];
  if (first === undefined || last === undefined) return null;
  const recovery = transitions.slice(last + 1).find((t) => t.to.state === FunctionState.Active);
  return {
    function: ref,
    at: transitions[first]!.at.toISOString(),
    episodes: episodes.length,
    recoveredAt: recovery?.at.toISOString() ?? null,
  };
}

/** Active at the end of the window and due to pass the idle threshold before the horizon (or already past it). */
function idleRisk(
  fn: ReportFunction,
  ref: ReportFunctionRef,
  window: ReportWindow,
  config: ReportConfig,
): IdleRiskEntry | null {
  if (!config.idle.packageTypes.includes(fn.packageType)) return null;
  if (stateAt(fn.stateIntervals, new Date(window.asOf.getTime() - 1))?.state !== FunctionState.Active) return null;
  const status = idleStatus({
    lastInvokedAt: fn.lastInvokedAt,
    firstSeenAt: fn.firstSeenAt,
    now: window.asOf,
    ...config.idle,
  });
  if (status.predictedInactiveAt !== null && status.predictedInactiveAt >= window.horizon) return null;
  return {
    function: ref,
    idleDays: status.wholeIdleDays,
    idleSinceUnknown: status.idleSinceUnknown,
    predictedInactiveAt: status.predictedInactiveAt?.toISOString() ?? null,
  };
}

function regression(
  ref: ReportFunctionRef,
  thisWeek: { invocations: number; coldStarts: number; initP95Ms: number | null },
  fn: ReportFunction,
  config: ReportConfig,
): FunctionWeek["regression"] {
  const { rate, initP95Ms } = compareColdStarts(thisWeek, fn.previousWeeks, config.coldStart);
  const regressed = [rate, initP95Ms].filter((metric) => metric?.regressed === true);
  if (regressed.length === 0) return null;
  return {
    // A rise from a zero baseline has no factor and ranks first.
    strength: Math.max(...regressed.map((metric) => metric?.factor ?? Number.POSITIVE_INFINITY)),
    entry: {
      function: ref,
      rate: rate?.thisWeek ?? null,
      baselineRate: rate?.baseline ?? null,
      rateFactor: rate?.factor ?? null,
      initP95Ms: initP95Ms?.thisWeek ?? null,
      baselineInitP95Ms: initP95Ms?.baseline ?? null,
      initP95Factor: initP95Ms?.factor ?? null,
    },
  };
}

type ImageEntries = Pick<FunctionWeek, "behind" | "deprecatedRuntime" | "criticalFindings" | "expiring" | "image">;
const NO_IMAGE_ENTRIES: ImageEntries = {
  behind: null,
  deprecatedRuntime: null,
  criticalFindings: null,
  expiring: null,
  image: null,
};

/** The same horizon and severities as the image-expiry-risk rule, as of the report's end. */
function expiringEntry(image: ReportImage | null, ref: ReportFunctionRef, asOf: Date): ExpiringImageEntry | null {
  const verdict = image?.lifecycle;
  if (!image || verdict?.status !== "expires") return null;
  const risk = expiryRisk(verdict, DEFAULT_RULE_CONFIG, asOf);
  return (
    risk && {
      function: ref,
      digest: image.digest,
      rulePriority: verdict.rulePriority,
      rule: verdict.rule,
      severity: risk.severity,
      when: risk.when,
      urgency: risk.urgency,
    }
  );
}

function imageEntries(fn: ReportFunction, ref: ReportFunctionRef, asOf: Date, config: ReportConfig): ImageEntries {
  const image = fn.image;
  const lineage = image?.lineage;
  const deprecation = deprecationNotice(effectiveRuntime(fn), asOf, config.deprecationWarningDays);
  return {
    behind:
      lineage?.kind === "matched" && lineage.newerAvailableSince !== null
        ? {
            function: ref,
            runtime: lineage.runtime,
            release: lineage.release.version,
            newest: lineage.newest.version,
            releasesBehind: lineage.releasesBehind,
            newerAvailableSince: lineage.newerAvailableSince.toISOString(),
          }
        : null,
    deprecatedRuntime: deprecation && {
      function: ref,
      runtime: deprecation.runtime,
      deprecatedOn: utcDate(deprecation.deprecatedOn),
      deprecated: deprecation.deprecated,
    },
    criticalFindings:
      image && image.findings !== null && image.findings.critical > 0
        ? { function: ref, digest: image.digest, critical: image.findings.critical, high: image.findings.high }
        : null,
    expiring: expiringEntry(image, ref, asOf),
    image:
      image && image.pushedAt !== null
        ? {
            function: ref,
            digest: image.digest,
            pushedAt: image.pushedAt.toISOString(),
            ageDays: wholeDaysBetween(image.pushedAt, asOf),
          }
        : null,
  };
}
