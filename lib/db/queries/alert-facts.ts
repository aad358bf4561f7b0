import "server-only";
import { z } from "zod";
import { storedVerdict } from "@/lib/analysis/lifecycle-policy";
import { type BaseImageRelease, matchBaseImage } from "@/lib/analysis/lineage";
import type { FunctionFacts, ImageFacts, WeekColdStarts } from "@/lib/analysis/rules/facts";
import { DAY_MS } from "@/lib/analysis/time";
import { parseEcrImageUri } from "@/lib/aws/image-uri";
import { LAST_INVOCATION_LOOKBACK_MS } from "@/lib/collector/time-windows";
import { chunks } from "@/lib/db/writes/transaction";
import type { Db } from "../client";
import { parseJsonColumn } from "./json-column";
import { coldStartsPerSpan } from "./metric-aggregates";

/** The facts of one live function, with the row id alerts point at. */
export interface FunctionFactsRow {
  functionId: string;
  facts: FunctionFacts;
}

/** This week and the four before it, as the cold-start regression rule compares them. */
export const COLD_START_WEEKS = 5;
const WEEK_MS = 7 * DAY_MS;

const stringArray = z.array(z.string()).catch([]);
const lifecycleColumn = storedVerdict.nullable().catch(null);

/**
 * Builds the rule facts of every live function with a fixed number of queries, whatever the fleet
 * size: functions, open Pending intervals, the deployed images (by digest, in chunks), and
 * per-week cold-start aggregates computed in SQL.
 */
export async function loadFunctionFacts(
  db: Db,
  options: { now: Date; catalog: readonly BaseImageRelease[] },
): Promise<FunctionFactsRow[]> {
  const functions = await db.function.findMany({
    where: { deletedAt: null },
    select: {
      id: true,
      accountId: true,
      region: true,
      name: true,
      team: true,
      packageType: true,
      runtime: true,
      state: true,
      stateReasonCode: true,
      stateReason: true,
      lastUpdateStatus: true,
      lastUpdateReason: true,
      lastInvokedAt: true,
      firstSeenAt: true,
      imageDigest: true,
      imageRepository: true,
    },
    orderBy: { id: "asc" },
  });
  const [pendingSince, images, coldStarts] = await Promise.all([
    openPendingSince(db),
    deployedImages(db, functions, options.catalog),
    weeklyColdStarts(db, options.now),
  ]);

  return functions.map((fn) => ({
    functionId: fn.id,
    facts: {
      identity: { accountId: fn.accountId, region: fn.region, name: fn.name, team: fn.team },
      packageType: fn.packageType,
      runtime: fn.runtime,
      state: fn.state,
      stateReasonCode: fn.stateReasonCode,
      stateReason: fn.stateReason,
      lastUpdateStatus: fn.lastUpdateStatus,
      // The collector keeps the reason text only; the rules then explain it without a code.
      lastUpdateStatusReasonCode: null,
      lastUpdateStatusReason: fn.lastUpdateReason,
      pendingSince: fn.state === "Pending" ? (pendingSince.get(fn.id) ?? null) : null,
      lastInvokedAt: fn.lastInvokedAt,
      // On first sight the collector looks this far back for the last invocation: a function with
      // none is known to have been idle at least that long, not only since we first saw it.
      firstSeenAt: new Date(fn.firstSeenAt.getTime() - LAST_INVOCATION_LOOKBACK_MS),
      image: images.get(fn.id) ?? null,
      pinnedImages: [],
      coldStarts: coldStartWeeks(coldStarts, fn.id),
    },
  }));
}

async function openPendingSince(db: Db): Promise<Map<string, Date>> {
  const open = await db.stateInterval.findMany({
    where: { to: null, state: "Pending" },
    select: { functionId: true, from: true },
  });
  return new Map(open.map((interval) => [interval.functionId, interval.from]));
}

interface DeployedImage {
  functionId: string;
  registryId: string;
  repository: string;
  digest: string;
}

/** Facts of each function's deployed image; functions whose image ECR has not described yet have none. */
async function deployedImages(
  db: Db,
  functions: readonly { id: string; imageDigest: string | null; imageRepository: string | null }[],
  catalog: readonly BaseImageRelease[],
): Promise<Map<string, ImageFacts>> {
  const deployed = functions.flatMap((fn): DeployedImage[] => {
    const ref = fn.imageRepository ? parseEcrImageUri(fn.imageRepository) : null;
    if (!ref || !fn.imageDigest) return [];
    return [{ functionId: fn.id, registryId: ref.registryId, repository: ref.repository, digest: fn.imageDigest }];
  });
  const key = (image: { registryId: string; repository: string; digest: string }) =>
    `${image.registryId}/${image.repository}@${image.digest}`;
  const rows = new Map<string, Awaited<ReturnType<typeof imagesByDigest>>[number]>();
  for (const part of chunks([...new Set(deployed.map((image) => image.digest))])) {
    for (const row of await imagesByDigest(db, part)) rows.set(key(row), row);
  }

  const facts = new Map<string, ImageFacts>();
  for (const image of deployed) {
    const row = rows.get(key(image));
    if (!row) continue;
    const layers = parseJsonColumn(stringArray, row.manifestLayers);
    facts.set(image.functionId, {
      digest: image.digest,
      pushedAt: row.pushedAt,
      sizeBytes: row.sizeBytes,
      missing: row.missingAt !== null,
      tagged: parseJsonColumn(stringArray, row.tags).length > 0,
      findings:
        row.scanStatus === null
          ? null
          : {
              critical: row.findingsCritical,
              high: row.findingsHigh,
              medium: row.findingsMedium,
              low: row.findingsLow,
            },
      scanStatus: row.scanStatus,
      scanCompletedAt: row.scanCompletedAt,
      lifecycle: parseJsonColumn(lifecycleColumn, row.lifecycle),
      lineage: layers.length === 0 || catalog.length === 0 ? null : matchBaseImage(layers, catalog),
      baseRuntime: null,
    });
  }
  return facts;
}

function imagesByDigest(db: Db, digests: string[]) {
  return db.image.findMany({
    where: { digest: { in: digests } },
    select: {
      registryId: true,
      repository: true,
      digest: true,
      tags: true,
      pushedAt: true,
      sizeBytes: true,
      manifestLayers: true,
      scanStatus: true,
      scanCompletedAt: true,
      lifecycle: true,
      findingsCritical: true,
      findingsHigh: true,
      findingsMedium: true,
      findingsLow: true,
      missingAt: true,
    },
  });
}

/** Per week (0 = the seven days up to now), per function: cold starts, invocations, init p95. */
async function weeklyColdStarts(db: Db, now: Date): Promise<Map<string, WeekColdStarts>[]> {
  const weeks = Array.from({ length: COLD_START_WEEKS }, (_, week) => ({
    from: new Date(now.getTime() - (week + 1) * WEEK_MS),
    to: new Date(now.getTime() - week * WEEK_MS),
  }));
  return coldStartsPerSpan(db, weeks);
}

function coldStartWeeks(
  weeks: readonly Map<string, WeekColdStarts>[],
  functionId: string,
): FunctionFacts["coldStarts"] {
  const empty: WeekColdStarts = { coldStarts: 0, invocations: 0, initP95Ms: null };
  const [thisWeek, ...previousWeeks] = weeks.map((week) => week.get(functionId) ?? empty);
  return thisWeek ? { thisWeek, previousWeeks } : null;
}
