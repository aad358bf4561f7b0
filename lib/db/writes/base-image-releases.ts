import "server-only";
import type { BaseImageRelease } from "@/lib/analysis/lineage";
import type { Db } from "../client";

export type ReleaseSource = "simulator" | "gallery" | "file";

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
