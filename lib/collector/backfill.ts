import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import { describeLogGroups, type LogGroupSize } from "@/lib/aws/logs";
import type { ImageFleetConfig } from "@/lib/config/schema";
import type { StoredFunction } from "@/lib/db/queries/stored-functions";
import type { FunctionWrites } from "@/lib/db/writes/functions";
import type { BucketWrite } from "@/lib/db/writes/metric-buckets";
import { log } from "@/lib/log";
import { attributableTargets, type ColdStartQueryWindow, type ColdStartTarget, queryColdStarts } from "./cold-starts";
import { collectHourlyHistory } from "./metrics";
import type { PollErrors } from "./poll-errors";
import { GIB, type ScanBudget } from "./scan-budget";
import { FIRST_SIGHT_MS, floorToHour, groupByDate } from "./time-windows";

export interface BackfillProgress {
  /** Function histories (hourly metrics, cold starts: two per function) read back as far as configured. */
  done: number;
  total: number;
  /** Insights bytes scanned by this backfill (measured; estimated where an endpoint reports none). */
  scannedBytes: number;
  /** Estimated Insights bytes left for later runs because the budget ran out. */
  skippedBytes: number;
}

export interface BackfillOutcome {
  buckets: BucketWrite[];
  coverage: FunctionWrites["update"];
  progress: BackfillProgress;
}

export interface BackfillContext {
  cloudwatch: CloudWatchClient;
  logs: CloudWatchLogsClient;
  config: ImageFleetConfig;
  now: Date;
  budget: ScanBudget;
  errors: PollErrors;
  scope: { accountId: string; region: string };
  signal?: AbortSignal;
}

type Covered = Pick<StoredFunction, "firstSeenAt">;

/**
 * Where a function's collected history starts: its coverage, or for rows collected before coverage
 * was recorded, the first-sight window before it was first seen.
 */
function coveredFrom(row: Covered, from: Date | null, through: Date | null): Date | null {
  if (through === null) return null;
  return from ?? floorToHour(new Date(row.firstSeenAt.getTime() - FIRST_SIGHT_MS));
}

/**
 * Reads the history the fresh part of a cycle left out — hourly metrics back `metricsDays`, cold
 * starts back `coldStartDays` — for the functions already collected once. Runs after the unit's
 * fresh state is written; cold starts only as far as the run's Insights scan budget reaches, the
 * rest on later runs.
 */
export async function backfillHistory(ctx: BackfillContext, rows: readonly StoredFunction[]): Promise<BackfillOutcome> {
  const { backfill } = ctx.config.collector;
  const metricsFrom = floorToHour(new Date(ctx.now.getTime() - backfill.metricsDays * DAY_MS));
  const coldStartsFrom = floorToHour(new Date(ctx.now.getTime() - backfill.coldStartDays * DAY_MS));
  const coverage = new Map<string, Partial<StoredFunction>>();
  const cover = (id: string, data: Partial<StoredFunction>) => coverage.set(id, { ...coverage.get(id), ...data });

  const metricRows = rows.flatMap((row) => {
    const from = coveredFrom(row, row.metricsCoveredFrom, row.metricsThrough);
    return from ? [{ row, from }] : [];
  });
  const metricsDue = metricRows.filter((t) => t.from > metricsFrom);
  const windows = [...groupByDate(metricsDue, (t) => t.from)].map(([end, due]) => ({
    targets: due.map((t) => t.row),
    start: metricsFrom,
    end: new Date(end),
  }));
  const metrics = await collectHourlyHistory(ctx.cloudwatch, windows, ctx.errors, ctx.signal);
  for (const id of metrics.collected) cover(id, { metricsCoveredFrom: metricsFrom });

  const coldRows = attributableTargets(rows).own.flatMap((row) => {
    const from = coveredFrom(row, row.coldStartsCoveredFrom, row.coldStartsThrough);
    return from ? [{ row, from }] : [];
  });
  const coldDue = coldRows.filter((t) => t.from > coldStartsFrom);
  const cold = coldDue.length
    ? await backfillColdStarts(ctx, coldDue, coldStartsFrom)
    : { buckets: [], covered: new Map<string, Date>(), scannedBytes: 0, skippedBytes: 0 };
  for (const [id, from] of cold.covered) cover(id, { coldStartsCoveredFrom: from });

  const isDone = (from: Date, id: string, column: "metricsCoveredFrom" | "coldStartsCoveredFrom", target: Date) =>
    ((coverage.get(id)?.[column] as Date | undefined) ?? from) <= target;
  const done =
    metricRows.filter((t) => isDone(t.from, t.row.id, "metricsCoveredFrom", metricsFrom)).length +
    coldRows.filter((t) => isDone(t.from, t.row.id, "coldStartsCoveredFrom", coldStartsFrom)).length;
  return {
    buckets: [...metrics.buckets, ...cold.buckets],
    coverage: [...coverage].map(([id, data]) => ({ id, data })),
    progress: {
      done,
      total: metricRows.length + coldRows.length,
      scannedBytes: cold.scannedBytes,
      skippedBytes: cold.skippedBytes,
    },
  };
}

interface PlannedScan {
  target: ColdStartTarget;
  start: Date;
  end: Date;
  estimatedBytes: number;
}

async function backfillColdStarts(
  ctx: BackfillContext,
  due: readonly { row: StoredFunction; from: Date }[],
  target: Date,
): Promise<{ buckets: BucketWrite[]; covered: Map<string, Date>; scannedBytes: number; skippedBytes: number }> {
  const covered = new Map<string, Date>();
  let sizes: Map<string, LogGroupSize>;
  try {
    const groups = await describeLogGroups(ctx.logs, commonPrefix(due.map((t) => t.row.logGroup)), ctx.signal);
    sizes = new Map(groups.map((group) => [group.name, group]));
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    ctx.errors.record("logs:DescribeLogGroups", error);
    return { buckets: [], covered, scannedBytes: 0, skippedBytes: 0 };
  }

  const plans: PlannedScan[] = [];
  const skipped: { logGroup: string; bytes: number }[] = [];
  for (const { row, from } of [...due].sort((a, b) => a.row.logGroup.localeCompare(b.row.logGroup))) {
    const size = sizes.get(row.logGroup);
    // No log group: the function never wrote a line, so there are no cold starts to find.
    if (!size) {
      covered.set(row.id, target);
      continue;
    }
    const perHour = bytesPerHour(size, ctx.now);
    const wantedHours = Math.round((from.getTime() - target.getTime()) / HOUR_MS);
    // The most recent hours first: when the budget cuts the window short, coverage stays continuous.
    const affordableHours =
      perHour > 0 ? Math.min(wantedHours, Math.floor(ctx.budget.remainingBytes / perHour)) : wantedHours;
    const hours = affordableHours > 0 && ctx.budget.reserve(affordableHours * perHour) ? affordableHours : 0;
    if (hours > 0) {
      plans.push({
        target: { id: row.id, logGroup: row.logGroup, coldStartsThrough: row.coldStartsThrough },
        start: new Date(from.getTime() - hours * HOUR_MS),
        end: from,
        estimatedBytes: hours * perHour,
      });
    }
    if (hours < wantedHours) skipped.push({ logGroup: row.logGroup, bytes: (wantedHours - hours) * perHour });
  }

  const windows: ColdStartQueryWindow[] = [];
  const byWindow = new Map<string, PlannedScan[]>();
  for (const plan of plans) {
    const key = `${plan.start.getTime()}-${plan.end.getTime()}`;
    byWindow.set(key, [...(byWindow.get(key) ?? []), plan]);
  }
  for (const group of byWindow.values())
    windows.push({ targets: group.map((p) => p.target), start: group[0]!.start, end: group[0]!.end });
  const reserved = plans.reduce((n, p) => n + p.estimatedBytes, 0);
  let scanned: Awaited<ReturnType<typeof queryColdStarts>>;
  try {
    scanned = await queryColdStarts(ctx.logs, windows, ctx.config.collector.logsConcurrency, ctx.errors, ctx.signal);
  } catch (error) {
    // Aborted (shutdown): nothing of it is written, and the reservation goes back.
    ctx.budget.settle(reserved, 0);
    throw error;
  }
  const scannedBytes = scanned.bytesScanned ?? reserved;
  ctx.budget.settle(reserved, scannedBytes);
  for (const plan of plans) if (scanned.collected.has(plan.target.id)) covered.set(plan.target.id, plan.start);

  const skippedBytes = skipped.reduce((n, s) => n + s.bytes, 0);
  if (skipped.length > 0) {
    log.warn(
      {
        ...ctx.scope,
        skippedGiB: round(skippedBytes / GIB),
        logGroups: skipped.map((s) => s.logGroup),
        budgetGiB: round(ctx.budget.limitBytes / GIB),
      },
      "cold-start backfill budget reached: these log groups' older history is left for later runs",
    );
  }
  return { buckets: scanned.buckets, covered, scannedBytes, skippedBytes };
}

/**
 * What scanning one hour of a log group is estimated to cost: its stored bytes spread evenly over
 * the time it has held them (since creation, within its retention).
 */
export function bytesPerHour(size: LogGroupSize, now: Date): number {
  const retained = size.retentionDays ? now.getTime() - size.retentionDays * DAY_MS : Number.NEGATIVE_INFINITY;
  const since = Math.max(size.createdAt?.getTime() ?? Number.NEGATIVE_INFINITY, retained);
  // Unknown age: assume it all lies within the last day, which overestimates rather than overspends.
  const spanMs = Number.isFinite(since) ? Math.max(HOUR_MS, now.getTime() - since) : DAY_MS;
  return (size.storedBytes / spanMs) * HOUR_MS;
}

function commonPrefix(names: readonly string[]): string {
  let prefix = names[0] ?? "";
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

const round = (n: number) => Math.round(n * 100) / 100;
