import "server-only";
import { z } from "zod";
import type { BaseImageRelease } from "@/lib/analysis/lineage";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { parseJsonColumn } from "@/lib/db/queries/json-column";

export type ReleaseSource = "simulator" | "gallery" | "file";

const layersColumn = z.array(z.string()).catch([]);
// The table has no architecture column: per-architecture releases carry AWS's own tag suffix.
const ARCHITECTURE_SUFFIX = /-(x86_64|arm64)$/;

/** The whole catalog, as lineage matching takes it. */
export async function loadCatalog(db: Db = defaultDb): Promise<BaseImageRelease[]> {
  const rows = await db.baseImageRelease.findMany({
    orderBy: [{ runtime: "asc" }, { publishedAt: "asc" }, { version: "asc" }],
  });
  return rows.map((row) => {
    const architecture = ARCHITECTURE_SUFFIX.exec(row.version)?.[1];
    return {
      runtime: row.runtime,
      repository: row.repository,
      version: row.version,
      publishedAt: row.publishedAt,
      layers: parseJsonColumn(layersColumn, row.layers),
      ...(architecture === undefined ? {} : { architecture }),
    };
  });
}

/** Release versions of one runtime already stored. */
export async function storedVersions(db: Db, runtime: string): Promise<Set<string>> {
  const rows = await db.baseImageRelease.findMany({ where: { runtime }, select: { version: true } });
  return new Set(rows.map((row) => row.version));
}

/** Stores releases not stored yet (a published release never changes); returns how many were new. */
export async function saveReleases(
  db: Db,
  releases: readonly BaseImageRelease[],
  source: ReleaseSource,
): Promise<number> {
  const stored = await db.baseImageRelease.findMany({ select: { runtime: true, version: true } });
  const known = new Set(stored.map((row) => `${row.runtime} ${row.version}`));
  const fresh = new Map<string, BaseImageRelease>();
  for (const release of releases) {
    const key = `${release.runtime} ${release.version}`;
    if (!known.has(key)) fresh.set(key, release);
  }
  if (fresh.size === 0) return 0;
  await db.baseImageRelease.createMany({
    data: [...fresh.values()].map((release) => ({
      runtime: release.runtime,
      repository: release.repository,
      version: release.version,
      publishedAt: release.publishedAt,
      layers: JSON.stringify(release.layers),
      source,
    })),
  });
  return fresh.size;
}

/** The version a per-architecture release is stored under. */
export function versionWithArchitecture(tag: string, architecture: string | null): string {
  return architecture === null ? tag : `${tag}-${architecture}`;
}

export function tagOfVersion(version: string): string {
  return version.replace(ARCHITECTURE_SUFFIX, "");
}
