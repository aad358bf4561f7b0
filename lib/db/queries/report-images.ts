import "server-only";
import { z } from "zod";
import { storedVerdict } from "@/lib/analysis/lifecycle-policy";
import { type BaseImageRelease, matchBaseImage } from "@/lib/analysis/lineage";
import type { ReportImage } from "@/lib/analysis/report/types";
import { chunks } from "@/lib/db/writes/transaction";
import type { Db } from "../client";
import { parseJsonColumn } from "./json-column";

const stringArray = z.array(z.string()).catch([]);
const lifecycleColumn = storedVerdict.nullable().catch(null);

/**
 * The digest each function ran at `asOf`: the one it has now, unless its image changed since;
 * then its last recorded image change before `asOf`.
 */
async function digestsAt(
  db: Db,
  functions: readonly { id: string; imageDigest: string | null }[],
  asOf: Date,
): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const fn of functions) if (fn.imageDigest !== null) digests.set(fn.id, fn.imageDigest);
  const changedSince = await db.configChange.findMany({
    where: { imageDigest: { not: null }, at: { gte: asOf } },
    select: { functionId: true },
    distinct: ["functionId"],
  });
  const relevant = new Set(functions.map((fn) => fn.id));
  const stale = changedSince.map((change) => change.functionId).filter((id) => relevant.has(id));
  for (const part of chunks(stale)) {
    const before = await db.configChange.findMany({
      where: { functionId: { in: part }, imageDigest: { not: null }, at: { lt: asOf } },
      select: { functionId: true, imageDigest: true },
      orderBy: { at: "asc" },
    });
    for (const id of part) digests.delete(id);
    for (const change of before) digests.set(change.functionId, change.imageDigest!);
  }
  return digests;
}

/**
 * The deployed image of each image function as of `asOf`, its base-image lineage judged against
 * the releases published by then (a later release must not make a past week look behind).
 * Scan findings are the latest known: ECR keeps no history of them.
 */
export async function imagesAt(
  db: Db,
  functions: readonly { id: string; imageDigest: string | null }[],
  catalog: readonly BaseImageRelease[],
  asOf: Date,
): Promise<Map<string, ReportImage>> {
  const digests = await digestsAt(db, functions, asOf);
  const rows = new Map<string, Awaited<ReturnType<typeof imagesByDigest>>[number]>();
  for (const part of chunks([...new Set(digests.values())])) {
    for (const row of await imagesByDigest(db, part)) if (!rows.has(row.digest)) rows.set(row.digest, row);
  }
  const published = catalog.filter((release) => release.publishedAt < asOf);

  const images = new Map<string, ReportImage>();
  for (const [functionId, digest] of digests) {
    const row = rows.get(digest);
    const layers = parseJsonColumn(stringArray, row?.manifestLayers ?? null);
    images.set(functionId, {
      digest,
      pushedAt: row?.pushedAt ?? null,
      lineage: layers.length === 0 || published.length === 0 ? null : matchBaseImage(layers, published),
      baseRuntime: null,
      findings:
        row === undefined || row.scanStatus === null
          ? null
          : {
              critical: row.findingsCritical,
              high: row.findingsHigh,
              medium: row.findingsMedium,
              low: row.findingsLow,
            },
      lifecycle: parseJsonColumn(lifecycleColumn, row?.lifecycle ?? null),
    });
  }
  return images;
}

function imagesByDigest(db: Db, digests: string[]) {
  return db.image.findMany({
    where: { digest: { in: digests } },
    select: {
      digest: true,
      pushedAt: true,
      manifestLayers: true,
      scanStatus: true,
      lifecycle: true,
      findingsCritical: true,
      findingsHigh: true,
      findingsMedium: true,
      findingsLow: true,
    },
    orderBy: { id: "asc" },
  });
}
