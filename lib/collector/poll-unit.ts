import crypto from "node:crypto";
import { countFleet } from "@/lib/analysis/fleet-counts";
import { parseEcrImageUri } from "@/lib/analysis/image-uri";
import { HOUR_MS } from "@/lib/analysis/time";
import type { AwsClients, AwsScope } from "@/lib/aws/clients";
import { type FunctionListing, listFunctions } from "@/lib/aws/lambda";
import { ApiMeter, withMeter } from "@/lib/aws/meter";
import type { ImageFleetConfig } from "@/lib/config/schema";
import type { Db } from "@/lib/db/client";
import { loadStoredFunctions, type StoredFunction } from "@/lib/db/queries/stored-functions";
import { writeBackfill } from "@/lib/db/writes/backfill";
import { imageId, loadImages } from "@/lib/db/writes/images";
import { finishPollRun, type PollStatus, type PollTrigger, startPollRun } from "@/lib/db/writes/poll-runs";
import { writePollUnit } from "@/lib/db/writes/poll-unit";
import { loadVersions } from "@/lib/db/writes/versions";
import { log } from "@/lib/log";
import { type BackfillProgress, backfillHistory } from "./backfill";
import { coldStartCoverageRestart, collectColdStarts } from "./cold-starts";
import { collectImages, type ImageTarget } from "./images";
import { takeInventory } from "./inventory";
import { collectMetrics, hourlyCoverageRestart } from "./metrics";
import { PollErrors } from "./poll-errors";
import { GIB, ScanBudget } from "./scan-budget";
import { readStates, selectStateReads } from "./state-reads";
import { functionChanges, progressUpdates } from "./unit-writes";
import { collectVersions, versionsDue } from "./versions";

export interface UnitContext {
  db: Db;
  aws: AwsClients;
  config: ImageFleetConfig;
  clock: () => Date;
  scope: AwsScope;
  trigger: PollTrigger;
  worker: string;
  signal?: AbortSignal;
  /** Called on every AWS request and at the end of every phase (a worker renews its lease on it). */
  onProgress?: () => void;
  /** The collection run's Insights budget for history backfill, shared by its units; unset, this unit gets a whole one. */
  budget?: ScanBudget;
}

export interface UnitSummary {
  pollRunId: string;
  accountId: string;
  region: string;
  status: Exclude<PollStatus, "running">;
  functionsSeen: number;
  imageFunctions: number;
  statesRead: number;
  created: number;
  changed: number;
  deleted: number;
  calls: number;
  throttles: number;
  errors: number;
  /** How far this unit's history backfill has got after this run (null: the run failed before it). */
  backfill: BackfillProgress | null;
}

/** Images change only by push and rescan: push time and size never, findings and last pull slowly. */
const IMAGE_RECHECK_MS = 6 * HOUR_MS;

type Counts = Pick<UnitSummary, "functionsSeen" | "imageFunctions" | "statesRead" | "created" | "changed" | "deleted">;
const NO_COUNTS: Counts = { functionsSeen: 0, imageFunctions: 0, statesRead: 0, created: 0, changed: 0, deleted: 0 };

/** Real milliseconds spent per phase, for the progress log. */
class PhaseTimer {
  readonly ms: Record<string, number> = {};

  constructor(private readonly onPhaseEnd?: () => void) {}

  async time<T>(phase: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.ms[phase] = Math.round(performance.now() - started);
      this.onPhaseEnd?.();
    }
  }
}

/**
 * One account × region poll: inventory, state reads, metrics, cold starts, images — then one
 * transaction with everything observed. A failing phase is recorded and the others still land
 * (status "partial"); only a failed listing fails the run, since without it nothing is known.
 */
export async function pollUnit(ctx: UnitContext): Promise<UnitSummary> {
  const { db, scope } = ctx;
  const { accountId, region } = scope;
  const now = ctx.clock();
  const pollRunId = crypto.randomUUID();
  await startPollRun(db, {
    id: pollRunId,
    accountId,
    region,
    trigger: ctx.trigger,
    worker: ctx.worker,
    startedAt: now,
  });
  const meter = new ApiMeter(ctx.onProgress);
  const errors = new PollErrors({ accountId, region });
  const timer = new PhaseTimer(ctx.onProgress);

  const finish = async (status: UnitSummary["status"], counts: Counts, write: (end: PollRunEnd) => Promise<void>) => {
    await timer.time("write", () =>
      write({
        finishedAt: ctx.clock(),
        status,
        functionsSeen: counts.functionsSeen,
        statesRead: counts.statesRead,
        calls: meter.calls,
        throttles: meter.throttles,
        errors: errors.records,
      }),
    );
    const summary: UnitSummary = {
      pollRunId,
      accountId,
      region,
      status,
      ...counts,
      calls: meter.total(),
      throttles: meter.throttles,
      errors: errors.count,
      backfill: null,
    };
    log.info({ ...summary, phaseMs: timer.ms }, "poll unit done");
    return summary;
  };
  const fail = (api: string, error: unknown) => {
    errors.record(api, error);
    return finish("failed", NO_COUNTS, (end) => finishPollRun(db, pollRunId, end));
  };

  const rows = await loadStoredFunctions(db, accountId, region);
  let listing: FunctionListing;
  try {
    listing = await timer.time("inventory", () =>
      withMeter(meter, () => listFunctions(ctx.aws.lambda(scope), ctx.signal)),
    );
  } catch (error) {
    return fail("lambda:ListFunctions", error);
  }
  let observed: Awaited<ReturnType<typeof observe>>;
  try {
    observed = await withMeter(meter, () => observe({ ...ctx, now }, listing, rows, errors, timer));
  } catch (error) {
    // Aborted by shutdown, or a fault of ours: nothing of this run is written but its record.
    return fail("collector", error);
  }
  let fresh: UnitSummary;
  try {
    fresh = await finish(errors.count > 0 ? "partial" : "ok", observed.counts, (end) =>
      writePollUnit(db, { ...observed.writes, pollRunId, scope: { accountId, region }, at: now, end }),
    );
  } catch (error) {
    // The unit's transaction rolled back: it fails alone, recorded like an AWS error; the cycle goes on.
    return fail("database", error);
  }
  // The fresh state is written: older history now, without holding it up.
  return backfillUnit(ctx, { now, fresh, meter, errors, timer, rows: observed.collected });
}

/** The unit's history backfill, written after its fresh state; its calls and errors join the poll run's. */
async function backfillUnit(
  ctx: UnitContext,
  run: {
    now: Date;
    fresh: UnitSummary;
    meter: ApiMeter;
    errors: PollErrors;
    timer: PhaseTimer;
    rows: StoredFunction[];
  },
): Promise<UnitSummary> {
  const { db, scope } = ctx;
  const { accountId, region } = scope;
  const { now, fresh, meter, errors, timer } = run;
  try {
    const backfill = await timer.time("backfill", () =>
      withMeter(meter, () =>
        backfillHistory(
          {
            cloudwatch: ctx.aws.cloudwatch(scope),
            logs: ctx.aws.logs(scope),
            config: ctx.config,
            now,
            budget: ctx.budget ?? ScanBudget.ofGiB(ctx.config.collector.backfill.maxScanGiB),
            errors,
            scope: { accountId, region },
            signal: ctx.signal,
          },
          run.rows.filter((row) => row.deletedAt === null),
        ),
      ),
    );
    const status = errors.count > 0 ? "partial" : fresh.status;
    await timer.time("backfillWrite", () =>
      writeBackfill(db, {
        pollRunId: fresh.pollRunId,
        scope: { accountId, region },
        at: now,
        buckets: backfill.buckets,
        coverage: backfill.coverage,
        progress: backfill.progress,
        run: { status, calls: meter.calls, throttles: meter.throttles, errors: errors.records },
      }),
    );
    const summary = {
      ...fresh,
      status,
      calls: meter.total(),
      throttles: meter.throttles,
      errors: errors.count,
      backfill: backfill.progress,
    };
    log.info(
      {
        accountId,
        region,
        ...backfill.progress,
        scannedGiB: backfill.progress.scannedBytes / GIB,
        skippedGiB: backfill.progress.skippedBytes / GIB,
        phaseMs: timer.ms,
      },
      backfill.progress.done < backfill.progress.total ? "history backfill under way" : "history backfill complete",
    );
    return summary;
  } catch (error) {
    // Aborted by shutdown, or a fault of ours: the fresh state stands, and the next run backfills again.
    if (!ctx.signal?.aborted)
      log.error({ accountId, region, error: (error as Error).message }, "history backfill failed");
    return fresh;
  }
}

type PollRunEnd = Parameters<typeof finishPollRun>[2];

async function observe(
  ctx: UnitContext & { now: Date },
  listing: FunctionListing,
  rows: StoredFunction[],
  errors: PollErrors,
  timer: PhaseTimer,
) {
  const { aws, config, now, scope, signal } = ctx;
  for (const entry of listing.malformed) {
    errors.record("lambda:ListFunctions", { name: "MalformedAnswer", message: entry.message }, entry.name ?? undefined);
  }
  const inventory = takeInventory(listing, rows, now);
  const live = new Map(rows.filter((row) => row.deletedAt === null).map((row) => [row.name, row]));
  const selected = selectStateReads(inventory, live, now, config);
  const details = await timer.time("states", () => readStates(aws.lambda(scope), selected.keys(), errors, signal));
  const changes = functionChanges({
    accountId: scope.accountId,
    region: scope.region,
    now,
    ownerTagKey: config.reports.ownerTagKey,
    rows: new Map(rows.map((row) => [row.name, row])),
    inventory,
    selectedForRead: new Set(selected.keys()),
    details,
  });
  const current = changes.current;
  const lookbackMs = config.collector.metricsLookbackMinutes * 60_000;

  const metricsEveryMs = config.collector.metricsIntervalMinutes * 60_000;
  const dueForMetrics = current.filter(
    (row) => row.metricsThrough === null || now.getTime() - row.metricsThrough.getTime() >= metricsEveryMs,
  );
  const metrics = await timer.time("metrics", () =>
    collectMetrics(aws.cloudwatch(scope), dueForMetrics, { now, lookbackMs }, errors, signal),
  );
  const coldStarts = await timer.time("coldStarts", () =>
    collectColdStarts(
      aws.logs(scope),
      current,
      { now, lookbackMs, concurrency: config.collector.logsConcurrency },
      errors,
      signal,
    ),
  );
  const knownVersions = await loadVersions(
    ctx.db,
    current.filter((row) => row.packageType === "Image").map((row) => row.id),
  );
  const versions = await timer.time("versions", () =>
    collectVersions(
      aws.lambda(scope),
      versionsDue(current, new Set([...inventory.created, ...inventory.changed.keys()]), now),
      knownVersions,
      now,
      errors,
      signal,
    ),
  );
  const versionsNow = new Map(knownVersions);
  for (const write of versions) versionsNow.set(write.functionId, write.versions);
  // Every digest the function can run: $LATEST's and each published version's.
  const imageTargets = current.flatMap((row): ImageTarget[] => {
    if (row.packageType !== "Image") return [];
    const pinned = (versionsNow.get(row.id) ?? []).map((v) => ({
      digest: v.imageDigest,
      repository: v.imageRepository,
    }));
    return [{ digest: row.imageDigest, repository: row.imageRepository }, ...pinned].flatMap((image) =>
      image.digest && image.repository
        ? [{ imageDigest: image.digest, imageRepository: image.repository, architecture: row.architecture }]
        : [],
    );
  });
  const images = await timer.time("images", async () =>
    collectImages(
      (region) => aws.ecr({ ...scope, region }),
      imageTargets,
      await loadImages(
        ctx.db,
        imageTargets.flatMap((t) => imageIdOf(t) ?? []),
      ),
      { now, recheckMs: IMAGE_RECHECK_MS },
      errors,
      signal,
    ),
  );

  const restarts = <T>(rows: readonly T[], start: (row: T) => [string, Date | null]) =>
    new Map(rows.map(start).filter((entry): entry is [string, Date] => entry[1] !== null));
  const progress = progressUpdates(current, {
    now,
    lastInvokedAt: metrics.lastInvokedAt,
    metricsCollected: metrics.collected,
    coldStartsCollected: coldStarts.collected,
    metricsCoverageStart: restarts(dueForMetrics, (row) => [
      row.id,
      hourlyCoverageRestart(row.metricsThrough, now, lookbackMs),
    ]),
    coldStartsCoverageStart: restarts(current, (row) => [
      row.id,
      coldStartCoverageRestart(row.coldStartsThrough, now, lookbackMs),
    ]),
  });
  const updated = new Map(progress.map((update) => [update.id, update.data]));
  return {
    counts: {
      functionsSeen: current.length,
      imageFunctions: current.filter((row) => row.packageType === "Image").length,
      statesRead: details.size,
      created: inventory.created.size,
      changed: inventory.changed.size,
      deleted: inventory.deleted.length,
    },
    writes: {
      functions: { create: changes.functions.create, update: [...changes.functions.update, ...progress] },
      deletedIds: changes.deletedIds,
      configChanges: changes.configChanges,
      states: changes.states,
      buckets: [...metrics.buckets, ...coldStarts.buckets],
      images,
      versions,
      snapshot: countFleet(current),
    },
    /** The unit's functions as stored once the writes land: where the backfill takes over. */
    collected: current.map((row) => ({ ...row, ...updated.get(row.id) })),
  };
}

function imageIdOf(target: ImageTarget): string | null {
  const ref = parseEcrImageUri(target.imageRepository);
  return ref && imageId(ref.registryId, ref.repository, target.imageDigest);
}
