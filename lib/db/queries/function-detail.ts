import { type AccountScope, inScope } from "@/lib/analysis/scope";
import type { FunctionDetail, MetricPoint } from "@/lib/contracts/function-detail";
import { openAlertsByFunction } from "./alerts";
import "server-only";
import { z } from "zod";
import { type Coverage, type StepCoverage, stepCoverage, windowCoverage } from "@/lib/analysis/coverage";
import { type IdleThresholds, idleStatus } from "@/lib/analysis/idle";
import { type StateInterval, timeInStates, transitionsIn } from "@/lib/analysis/state-intervals";
import { coldStartRate, mergeBuckets } from "@/lib/analysis/stats";
import { resolveTimeRange, stepMs, type ViewWindow } from "@/lib/analysis/time-window";
import type { FunctionIdentity } from "@/lib/analysis/types";
import { appConfig } from "@/lib/config/load";
import type { FunctionWindowQuery } from "@/lib/contracts/function-query";
import { type Db, db as defaultDb } from "../client";
import { type CollectedSpans, collectedSpans, invocationHistoryFrom } from "./coverage";
import { functionCost } from "./function-cost";
import { imageRef } from "./image-ref";
import { parseJsonColumn } from "./json-column";
import { METRIC_RESOLUTION } from "./metric-aggregates";
import { bucketStarts, type HourlyMetrics, rollUp } from "./series";
import { toIso } from "./sql";
import { statesSince } from "./state-since";

const RECENT_CHANGES = 20;

const imageConfigJson = z
  .object({
    EntryPoint: z.array(z.string()).optional(),
    Command: z.array(z.string()).optional(),
    WorkingDirectory: z.string().optional(),
  })
  .catch({});
const fileSystemsJson = z.array(z.object({ arn: z.string(), localMountPath: z.string() })).catch([]);
const tagsJson = z.record(z.string(), z.string()).catch({});
const detailsJson = z.record(z.string(), z.unknown()).catch({});

type Options = { db?: Db; now?: Date; thresholds?: IdleThresholds; scope?: AccountScope };

function toInterval(row: {
  state: string;
  reasonCode: string | null;
  reason: string | null;
  from: Date;
  to: Date | null;
}): StateInterval {
  return { state: row.state, reasonCode: row.reasonCode, reason: row.reason, from: row.from, to: row.to };
}

/**
 * Hourly buckets rolled into the window's steps. A step outside the collected span is unknown (null), a
 * step inside it without a bucket had no activity (0), and a step only partly inside is flagged partial.
 */
function metricSeries(hours: HourlyMetrics[], window: ViewWindow, spans: CollectedSpans): MetricPoint[] {
  const steps = rollUp(hours, window);
  const size = stepMs(window.step);
  return bucketStarts(window).map((t) => {
    const step = steps.get(t);
    const metrics = stepCoverage(spans.metrics, t, t + size);
    const coldStarts = stepCoverage(spans.coldStarts, t, t + size);
    const known = (coverage: StepCoverage, n: number | undefined) => (coverage === "none" ? null : (n ?? 0));
    return {
      t: new Date(t).toISOString(),
      invocations: known(metrics, step?.invocations),
      errors: known(metrics, step?.errors),
      throttles: known(metrics, step?.throttles),
      coldStarts: known(coldStarts, step?.init.count),
      initAvgMs: step?.init.avg ?? null,
      initP95Ms: step?.init.p95 ?? null,
      initMaxMs: step?.init.max ?? null,
      partial: metrics === "partial" || coldStarts === "partial",
    };
  });
}

/** Everything the function page shows, for one time window; null when no such function was ever seen (or the user may not see it). */
export async function functionDetail(
  identity: FunctionIdentity,
  query: FunctionWindowQuery,
  options: Options = {},
): Promise<FunctionDetail | null> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const thresholds = options.thresholds ?? appConfig().config.idle;
  const window = resolveTimeRange(query, now);

  const fn = await db.function.findUnique({
    where: { accountId_region_name: { accountId: identity.accountId, region: identity.region, name: identity.name } },
    include: { account: { select: { name: true } } },
  });
  if (!fn || !inScope(options.scope ?? null, fn)) return null;

  const [intervalRows, buckets, changes, image] = await Promise.all([
    db.stateInterval.findMany({
      where: { functionId: fn.id, from: { lt: window.to }, OR: [{ to: null }, { to: { gt: window.from } }] },
      orderBy: { from: "asc" },
    }),
    db.metricBucket.findMany({
      where: { functionId: fn.id, resolution: METRIC_RESOLUTION, start: { gte: window.from, lt: window.to } },
      orderBy: { start: "asc" },
    }),
    db.configChange.findMany({ where: { functionId: fn.id }, orderBy: { at: "desc" }, take: RECENT_CHANGES }),
    fn.imageDigest
      ? db.image.findFirst({ where: { digest: fn.imageDigest }, orderBy: { checkedAt: "desc" } })
      : Promise.resolve(null),
  ]);

  const intervals = intervalRows.map(toInterval);
  const analysisWindow = { start: window.from, end: window.to };
  const hours: HourlyMetrics[] = buckets.map((b) => ({
    start: b.start.getTime(),
    invocations: b.invocations,
    errors: b.errors,
    throttles: b.throttles,
    init: { count: b.coldStarts, avg: b.initAvg, p95: b.initP95, max: b.initMax },
  }));
  const init = mergeBuckets(hours.map((h) => h.init));
  const sum = (pick: (h: HourlyMetrics) => number, from = 0) =>
    hours.reduce((total, h) => (h.start >= from ? total + pick(h) : total), 0);
  const since = (await statesSince(db, [fn])).get(fn.id) ?? null;
  const idle = idleStatus({
    lastInvokedAt: fn.lastInvokedAt,
    firstSeenAt: invocationHistoryFrom(fn),
    now,
    state: fn.state,
    stateSince: since?.at ?? null,
    ...thresholds,
  });
  const ref = imageRef(fn.imageUri);
  const imageConfig = parseJsonColumn(imageConfigJson, fn.imageConfig);

  const [alertsByFunction, spansById] = await Promise.all([
    openAlertsByFunction([fn.id], db),
    collectedSpans(db, [fn]),
  ]);
  const alerts = alertsByFunction[fn.id] ?? null;
  const spans = spansById.get(fn.id) ?? { metrics: null, coldStarts: null };
  const size = stepMs(window.step);
  const coverage = {
    metrics: windowCoverage(spans.metrics, window, size),
    coldStarts: windowCoverage(spans.coldStarts, window, size),
  };
  const ifCollected = (c: Coverage, n: number) => (c.from === null ? null : n);
  return {
    id: fn.id,
    alerts,
    accountId: fn.accountId,
    accountName: fn.account.name,
    region: fn.region,
    name: fn.name,
    arn: fn.arn,
    packageType: fn.packageType,
    runtime: fn.runtime,
    handler: fn.handler,
    architecture: fn.architecture,
    memoryMb: fn.memoryMb,
    timeoutSec: fn.timeoutSec,
    ephemeralMb: fn.ephemeralMb,
    fileSystems: parseJsonColumn(fileSystemsJson, fn.fileSystems),
    logFormat: fn.logFormat,
    logGroup: fn.logGroup,
    tags: parseJsonColumn(tagsJson, fn.tags),
    team: fn.team,
    state: fn.state,
    stateReason: fn.stateReason,
    stateReasonCode: fn.stateReasonCode,
    lastUpdateStatus: fn.lastUpdateStatus,
    lastUpdateReason: fn.lastUpdateReason,
    stateReadAt: toIso(fn.stateReadAt),
    lastModified: fn.lastModified.toISOString(),
    firstSeenAt: fn.firstSeenAt.toISOString(),
    lastSeenAt: fn.lastSeenAt.toISOString(),
    deletedAt: toIso(fn.deletedAt),
    image:
      fn.packageType === "Image"
        ? {
            uri: fn.imageUri,
            repository: ref?.repository ?? null,
            tag: ref?.tag ?? null,
            digest: fn.imageDigest,
            entryPoint: imageConfig.EntryPoint ?? null,
            command: imageConfig.Command ?? null,
            workingDirectory: imageConfig.WorkingDirectory ?? null,
            pushedAt: toIso(image?.pushedAt),
            sizeBytes: image?.sizeBytes ?? null,
            lastPulledAt: toIso(image?.lastPulledAt),
            scanStatus: image?.scanStatus ?? null,
            findings: image
              ? {
                  critical: image.findingsCritical,
                  high: image.findingsHigh,
                  medium: image.findingsMedium,
                  low: image.findingsLow,
                }
              : null,
            missingAt: toIso(image?.missingAt),
          }
        : null,
    idle: {
      lastInvokedAt: toIso(fn.lastInvokedAt),
      idleSince: idle.idleSince.toISOString(),
      idleSinceUnknown: idle.idleSinceUnknown,
      idleDays: idle.idleDays,
      thresholdDays: thresholds.thresholdDays,
      predictedInactiveAt: toIso(idle.predictedInactiveAt),
      level: idle.level,
      inactiveSince: toIso(idle.inactiveSince),
      failed: idle.failed,
    },
    stateSince: since ? { ...since, at: since.at.toISOString() } : null,
    window: { from: window.from.toISOString(), to: window.to.toISOString(), step: window.step },
    intervals: intervals.map((i) => ({ ...i, from: i.from.toISOString(), to: toIso(i.to) })),
    transitions: transitionsIn(intervals, analysisWindow).map((t) => ({
      at: t.at.toISOString(),
      from: t.from.state,
      to: t.to.state,
      reasonCode: t.to.reasonCode,
      reason: t.to.reason,
    })),
    timeInStates: timeInStates(intervals, analysisWindow),
    coverage,
    series: metricSeries(hours, window, spans),
    totals: {
      invocations: ifCollected(
        coverage.metrics,
        sum((h) => h.invocations),
      ),
      errors: ifCollected(
        coverage.metrics,
        sum((h) => h.errors),
      ),
      throttles: ifCollected(
        coverage.metrics,
        sum((h) => h.throttles),
      ),
      coldStarts: ifCollected(coverage.coldStarts, init.count),
      // Only where both are known: cold starts over invocations of a span without logs would understate it.
      coldStartRate:
        coverage.metrics.from === null || coverage.coldStarts.from === null
          ? null
          : coldStartRate(
              init.count,
              sum((h) => h.invocations, spans.coldStarts?.from.getTime()),
            ),
      initAvgMs: init.avg,
      initP95Ms: init.p95,
      initMaxMs: init.max,
    },
    cost: functionCost(fn, buckets, coverage),
    configChanges: changes.map((c) => ({
      at: c.at.toISOString(),
      kind: c.kind,
      codeSha256: c.codeSha256,
      imageDigest: c.imageDigest,
      details: parseJsonColumn(detailsJson, c.details),
    })),
  };
}
