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
import { imageId, loadImages } from "@/lib/db/writes/images";
import { finishPollRun, type PollStatus, type PollTrigger, startPollRun } from "@/lib/db/writes/poll-runs";
import { writePollUnit } from "@/lib/db/writes/poll-unit";
import { log } from "@/lib/log";
import { collectColdStarts } from "./cold-starts";
import { collectImages, type ImageTarget } from "./images";
import { takeInventory } from "./inventory";
import { collectMetrics } from "./metrics";
import { PollErrors } from "./poll-errors";
import { readStates, selectStateReads } from "./state-reads";
import { functionChanges, progressUpdates } from "./unit-writes";

export interface UnitContext {
  db: Db;
  aws: AwsClients;
  config: ImageFleetConfig;
  clock: () => Date;
  scope: AwsScope;
  trigger: PollTrigger;
  worker: string;
  signal?: AbortSignal;
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
}

/** Images change only by push and rescan: push time and size never, findings and last pull slowly. */
const IMAGE_RECHECK_MS = 6 * HOUR_MS;

type Counts = Pick<UnitSummary, "functionsSeen" | "imageFunctions" | "statesRead" | "created" | "changed" | "deleted">;
const NO_COUNTS: Counts = { functionsSeen: 0, imageFunctions: 0, statesRead: 0, created: 0, changed: 0, deleted: 0 };

/** Real milliseconds spent per phase, for the progress log. */
class PhaseTimer {
  readonly ms: Record<string, number> = {};

  async time<T>(phase: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.ms[phase] = Math.round(performance.now() - started);
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
  const meter = new ApiMeter();
  const errors = new PollErrors({ accountId, region });
  const timer = new PhaseTimer();

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
    const summary = {
      pollRunId,
      accountId,
      region,
      status,
      ...counts,
      calls: meter.total(),
      throttles: meter.throttles,
      errors: errors.count,
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
  return finish(errors.count > 0 ? "partial" : "ok", observed.counts, (end) =>
    writePollUnit(db, { ...observed.writes, pollRunId, scope: { accountId, region }, at: now, end }),
  );
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
  const imageTargets = current.flatMap((row): ImageTarget[] =>
    row.packageType === "Image" && row.imageDigest && row.imageRepository
      ? [{ imageDigest: row.imageDigest, imageRepository: row.imageRepository, architecture: row.architecture }]
      : [],
  );
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

  const progress = progressUpdates(current, {
    now,
    lastInvokedAt: metrics.lastInvokedAt,
    metricsCollected: metrics.collected,
    coldStartsCollected: coldStarts.collected,
  });
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
      snapshot: countFleet(current),
    },
  };
}

function imageIdOf(target: ImageTarget): string | null {
  const ref = parseEcrImageUri(target.imageRepository);
  return ref && imageId(ref.registryId, ref.repository, target.imageDigest);
}
