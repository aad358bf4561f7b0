import type { LifecycleVerdict } from "../lifecycle-policy";
import type { LineageResult } from "../lineage";
import type { ColdStartRegressionConfig, RuleConfig } from "../rules/config";
import type { SeverityCounts, WeekColdStarts } from "../rules/facts";
import type { Severity } from "../rules/finding";
import type { StateInterval } from "../state-intervals";
import type { BucketAggregate } from "../stats";
import type { PackageType } from "../types";
import type { IsoWeekLabel } from "../weeks";

// ---- input: fixed data for one week, mapped from the database by the caller ----

/** One local day of the week (`LocalDay.date`): sums of the hourly buckets that start in it. */
export interface ReportDayActivity {
  date: string;
  invocations: number;
  coldStarts: number;
}

/** Init durations of one hour with cold starts. */
export interface ReportInitHour extends BucketAggregate {
  start: Date;
}

/** The deployed image as of the end of the report window. */
export interface ReportImage {
  digest: string;
  pushedAt: Date | null;
  lineage: LineageResult | null;
  baseRuntime: string | null;
  findings: SeverityCounts | null;
  /** The repository lifecycle policy's latest verdict on the digest; null when not read. */
  lifecycle: LifecycleVerdict | null;
}

export interface ReportFunction {
  /** Stable key; alerts refer to it. */
  id: string;
  accountId: string;
  region: string;
  name: string;
  tags: Readonly<Record<string, string>>;
  packageType: PackageType;
  runtime: string | null;
  firstSeenAt: Date;
  /** Found by the first collection of its account × region: it existed before ImageFleet looked, it is not new. */
  firstCollection: boolean;
  deletedAt: Date | null;
  deploys: readonly Date[];
  stateIntervals: readonly StateInterval[];
  /**
   * The week's invocations and cold starts per local day, up to the report's `asOf`; days with
   * none may be left out. Summed by day so a report never holds every hour of a fleet.
   */
  dailyActivity: readonly ReportDayActivity[];
  /** The hours with cold starts inside the week (others are ignored): what init durations merge from. */
  initHours: readonly ReportInitHour[];
  /** As of the end of the report window (not later), so a regenerated week gives the same figures. */
  lastInvokedAt: Date | null;
  image: ReportImage | null;
  /** Cold starts of the weeks before this one, most recent first (for regressions). */
  previousWeeks: readonly WeekColdStarts[];
}

export interface ReportAlert {
  id: string;
  rule: string;
  severity: Severity;
  functionId: string | null;
  /** Team recorded on the alert; used when its function is not among the report's functions. */
  team: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
}

export interface ReportPollRun {
  startedAt: Date;
  finishedAt: Date | null;
  calls: number;
  throttles: number;
  errors: number;
}

export interface ReportConfig {
  idle: RuleConfig["idle"];
  coldStart: ColdStartRegressionConfig;
  deprecationWarningDays: number;
  /** Longest list kept per section; counts always cover everything. */
  listLimit: number;
}

export interface ReportInput {
  week: IsoWeekLabel;
  timeZone: string;
  /** Figures cover the week up to min(now, week end); before the end the report is provisional. */
  now: Date;
  ownerTagKey: string;
  functions: readonly ReportFunction[];
  alerts: readonly ReportAlert[];
  pollRuns: readonly ReportPollRun[];
  previous: ReportFigures | null;
  config: ReportConfig;
}

// ---- output: plain, serialisable, stable key order; instants as ISO strings ----

export interface ReportFunctionRef {
  id: string;
  accountId: string;
  region: string;
  name: string;
  team: string;
}

export interface ListFigure<T> {
  count: number;
  items: T[];
}

export interface InventoryFigures {
  functions: number;
  imageFunctions: number;
  imageShare: number | null;
  /** Against the previous report; null without one. */
  functionsDelta: number | null;
  imageFunctionsDelta: number | null;
  imageShareDelta: number | null;
  /** New within the week; functions found by the first collection are not new (see `firstCollection`). */
  created: ListFigure<ReportFunctionRef>;
  /** Functions the week's first collection found (ImageFleet started this week); 0 otherwise. */
  firstCollection: number;
  /** Functions by observed state at the end of the window (beside the week's transitions). */
  statesAtEnd: Record<string, number>;
  changed: ListFigure<ReportFunctionRef & { deploys: number }>;
  deploys: number;
  deleted: ListFigure<ReportFunctionRef>;
}

export interface LifecycleEvent {
  function: ReportFunctionRef;
  /** First time within the week. */
  at: string;
  episodes: number;
  /** Back to Active after the last episode, within the week; null if not (yet). */
  recoveredAt: string | null;
}

export interface LifecycleFigures {
  /** Function-milliseconds per observed state. */
  stateMs: Record<string, number>;
  transitions: number;
  wentInactive: ListFigure<LifecycleEvent> & { recovered: number };
  wentFailed: ListFigure<LifecycleEvent> & { recovered: number };
}

export interface IdleRiskEntry {
  function: ReportFunctionRef;
  idleDays: number;
  idleSinceUnknown: boolean;
  /** Null when the threshold has already passed. */
  predictedInactiveAt: string | null;
}

export interface RegressionEntry {
  function: ReportFunctionRef;
  rate: number | null;
  baselineRate: number | null;
  rateFactor: number | null;
  initP95Ms: number | null;
  baselineInitP95Ms: number | null;
  initP95Factor: number | null;
}

export interface DailyColdStarts {
  /** Local calendar date in the report's time zone. */
  date: string;
  invocations: number;
  coldStarts: number;
}

export interface ColdStartFigures {
  invocations: number;
  coldStarts: number;
  rate: number | null;
  initAvgMs: number | null;
  /** Approximate: merged from hourly p95s (see `mergeBuckets`). */
  initP95Ms: number | null;
  topRegressions: ListFigure<RegressionEntry>;
  /** The week's days up to `asOf` (hourly buckets counted by their start). */
  daily: DailyColdStarts[];
}

export interface BehindEntry {
  function: ReportFunctionRef;
  runtime: string;
  release: string;
  newest: string;
  releasesBehind: number;
  newerAvailableSince: string;
}

export interface DeprecatedRuntimeEntry {
  function: ReportFunctionRef;
  runtime: string;
  deprecatedOn: string;
  deprecated: boolean;
}

export interface CriticalFindingsEntry {
  function: ReportFunctionRef;
  digest: string;
  critical: number;
  high: number;
}

/** A deployed digest a lifecycle rule will expire within the alerting horizon. */
export interface ExpiringImageEntry {
  function: ReportFunctionRef;
  digest: string;
  rulePriority: number;
  rule: string;
  severity: Severity;
  /** "in ~4 days (2026-12-05)", "at the next push of a matching image". */
  when: string;
  /** Hours to expiry (a push counts as a day): the list's order. */
  urgency: number;
}

export interface OldImageEntry {
  function: ReportFunctionRef;
  digest: string;
  pushedAt: string;
  ageDays: number;
}

export interface ImageFigures {
  behindOnBase: ListFigure<BehindEntry>;
  deprecatedRuntimes: ListFigure<DeprecatedRuntimeEntry>;
  criticalFindings: ListFigure<CriticalFindingsEntry>;
  /** Absent in reports stored before the lifecycle guard existed. */
  expiring?: ListFigure<ExpiringImageEntry>;
  oldest: ListFigure<OldImageEntry>;
}

export interface AlertFigures {
  opened: number;
  openedBySeverity: Record<Severity, number>;
  resolved: number;
  openAtEnd: number;
  meanTimeToResolveMs: number | null;
}

export interface SectionFigures {
  inventory: InventoryFigures;
  lifecycle: LifecycleFigures;
  idleRisk: ListFigure<IdleRiskEntry>;
  coldStarts: ColdStartFigures;
  images: ImageFigures;
  alerts: AlertFigures;
}

export interface CollectionFigures {
  runs: number;
  calls: number;
  throttles: number;
  errors: number;
  runsWithErrors: number;
  /** Share of the window's hours in which at least one poll run started and finished. */
  coverage: number | null;
}

export interface ReportFigures {
  week: IsoWeekLabel;
  timeZone: string;
  start: string;
  end: string;
  asOf: string;
  provisional: boolean;
  fleet: SectionFigures;
  teams: { team: string; figures: SectionFigures }[];
  collection: CollectionFigures;
}
