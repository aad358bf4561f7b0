import { LAST_INVOCATION_LOOKBACK_MS } from "@/lib/analysis/idle";
import "server-only";
import { z } from "zod";
import { parseEcrImageUri } from "@/lib/analysis/image-uri";
import { storedVerdict } from "@/lib/analysis/lifecycle-policy";
import { type BaseImageRelease, matchBaseImage } from "@/lib/analysis/lineage";
import type { FunctionFacts, ImageFacts, PinnedImage, WeekColdStarts } from "@/lib/analysis/rules/facts";
import { DAY_MS } from "@/lib/analysis/time";
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
const tagsSchema = z.record(z.string(), z.string()).catch({});
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
      tags: true,
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
    deployedImages(db, functions, await versionImages(db), options.catalog),
    weeklyColdStarts(db, options.now),
  ]);

  return functions.map((fn) => ({
    functionId: fn.id,
    facts: {
      identity: { accountId: fn.accountId, region: fn.region, name: fn.name, team: fn.team },
      tags: parseJsonColumn(tagsSchema, fn.tags),
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
      image: images.latest.get(fn.id) ?? null,
      pinnedImages: images.pinned.get(fn.id) ?? [],
      imageRepository: fn.imageRepository,
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
  /** Empty for $LATEST's digest; "version 7", "alias live (10 %)" for the others. */
  usedBy: string[];
}

interface VersionImage {
  functionId: string;
  digest: string;
  repository: string;
  usedBy: string[];
}

/** Digests of published versions with what runs them: the version, and each alias routing to it with its weight. */
async function versionImages(db: Db): Promise<VersionImage[]> {
  const [versions, aliases] = await Promise.all([
    db.functionVersion.findMany({
      where: { imageDigest: { not: null }, function: { deletedAt: null } },
      select: { functionId: true, version: true, imageDigest: true, imageRepository: true },
    }),
    db.functionAlias.findMany({ where: { function: { deletedAt: null } } }),
  ]);
  const routes = new Map<string, string[]>();
  const route = (functionId: string, version: string, label: string) => {
    const key = `${functionId} ${version}`;
    routes.set(key, [...(routes.get(key) ?? []), label]);
  };
  for (const alias of aliases) {
    const weight = alias.additionalWeight ?? 0;
    route(alias.functionId, alias.functionVersion, `alias ${alias.name} (${percent(1 - weight)})`);
    if (alias.additionalVersion)
      route(alias.functionId, alias.additionalVersion, `alias ${alias.name} (${percent(weight)})`);
  }
  return versions.flatMap((v) =>
    v.imageDigest && v.imageRepository
      ? [
          {
            functionId: v.functionId,
            digest: v.imageDigest,
            repository: v.imageRepository,
            usedBy: [`version ${v.version}`, ...(routes.get(`${v.functionId} ${v.version}`) ?? [])],
          },
        ]
      : [],
  );
}

const percent = (weight: number) => `${Math.round(weight * 1000) / 10} %`;

interface DeployedImageFacts {
  latest: Map<string, ImageFacts>;
  pinned: Map<string, PinnedImage[]>;
}

/**
 * Facts of each function's deployed image and of the other digests its versions pin; images ECR
 * has not described yet have none.
 */
async function deployedImages(
  db: Db,
  functions: readonly { id: string; imageDigest: string | null; imageRepository: string | null }[],
  versions: readonly VersionImage[],
  catalog: readonly BaseImageRelease[],
): Promise<DeployedImageFacts> {
  const latestDigest = new Map(functions.map((fn) => [fn.id, fn.imageDigest]));
  const image = (functionId: string, repository: string | null, digest: string | null, usedBy: string[]) => {
    const ref = repository ? parseEcrImageUri(repository) : null;
    return ref && digest
      ? [{ functionId, registryId: ref.registryId, repository: ref.repository, digest, usedBy }]
      : [];
  };
  const pinnedByKey = new Map<string, DeployedImage>();
  for (const version of versions) {
    if (!latestDigest.has(version.functionId) || latestDigest.get(version.functionId) === version.digest) continue;
    for (const candidate of image(version.functionId, version.repository, version.digest, version.usedBy)) {
      const key = `${candidate.functionId} ${candidate.digest}`;
      const seen = pinnedByKey.get(key);
      pinnedByKey.set(key, seen ? { ...seen, usedBy: [...seen.usedBy, ...candidate.usedBy] } : candidate);
    }
  }
  const deployed = [
    ...functions.flatMap((fn) => image(fn.id, fn.imageRepository, fn.imageDigest, [])),
    ...pinnedByKey.values(),
  ];
  const key = (image: { registryId: string; repository: string; digest: string }) =>
    `${image.registryId}/${image.repository}@${image.digest}`;
  const rows = new Map<string, Awaited<ReturnType<typeof imagesByDigest>>[number]>();
  for (const part of chunks([...new Set(deployed.map((image) => image.digest))])) {
    for (const row of await imagesByDigest(db, part)) rows.set(key(row), row);
  }

  const facts: DeployedImageFacts = { latest: new Map(), pinned: new Map() };
  for (const image of deployed) {
    const row = rows.get(key(image));
    if (!row) continue;
    const layers = parseJsonColumn(stringArray, row.manifestLayers);
    const imageFacts: ImageFacts = {
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
    };
    if (image.usedBy.length === 0) facts.latest.set(image.functionId, imageFacts);
    else
      facts.pinned.set(image.functionId, [
        ...(facts.pinned.get(image.functionId) ?? []),
        { image: imageFacts, usedBy: image.usedBy },
      ]);
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
