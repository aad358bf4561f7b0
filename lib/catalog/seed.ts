import "server-only";
import type { BaseImageRelease } from "@/lib/analysis/lineage";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { saveReleases } from "@/lib/db/writes/base-image-releases";

/** The shape of the simulator's `truth.baseImageCatalog()`, so the demo can hand it over as is. */
export interface SimulatorCatalogEntry {
  runtime: string;
  baseImage: string;
  releases: readonly { releaseTag: string; releasedAt: Date; layerDigests: readonly string[] }[];
}

export function releasesFromSimulatorCatalog(entries: readonly SimulatorCatalogEntry[]): BaseImageRelease[] {
  return entries.flatMap((entry) =>
    entry.releases.map((release) => ({
      runtime: entry.runtime,
      repository: entry.baseImage,
      version: release.releaseTag,
      publishedAt: release.releasedAt,
      layers: [...release.layerDigests],
    })),
  );
}

/** Stores releases given from elsewhere (the demo's simulator); idempotent, returns how many were new. */
export function seedCatalog(releases: readonly BaseImageRelease[], db: Db = defaultDb): Promise<number> {
  return saveReleases(db, releases, "simulator");
}
