import "server-only";
import pLimit from "p-limit";
import type { BaseImageRelease } from "@/lib/analysis/lineage";
import { tagOfVersion, versionWithArchitecture } from "@/lib/analysis/release-version";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { storedVersions } from "@/lib/db/queries/base-image-releases";
import { saveReleases } from "@/lib/db/writes/base-image-releases";
import { log } from "@/lib/log";
import { createGalleryClient, type GalleryClient } from "./gallery";
import { defaultGalleryImages, type GalleryImage, galleryImageOf, releaseTagDate } from "./runtimes";

const RUNTIME_CONCURRENCY = 2;
const TAG_CONCURRENCY = 4;

export interface CatalogRefresh {
  source: "gallery" | "off";
  added: number;
  /** Runtimes whose releases could not be fetched this time (the cached ones still count). */
  failedRuntimes: string[];
}

type CatalogConfig = Pick<ImageFleetConfig, "baseImages">;

/**
 * Fetches the base-image releases not cached yet. With the source off (the default) it does
 * nothing and never touches the network: opt-in, because the demo fleet runs with Organizations
 * discovery like a real deployment and must never leave the machine (its catalog is seeded).
 * A runtime that fails is logged and skipped: lineage works on what is cached.
 */
export async function refreshCatalog(options: {
  config: CatalogConfig;
  db?: Db;
  client?: GalleryClient;
}): Promise<CatalogRefresh> {
  const { config, db = defaultDb } = options;
  const settings = config.baseImages;
  if (settings.source === "off") return { source: "off", added: 0, failedRuntimes: [] };
  const client = options.client ?? createGalleryClient({ registryUrl: settings.registryUrl });
  const registryHost = new URL(settings.registryUrl).host;
  const historyMs = settings.historyDays * DAY_MS;

  let added = 0;
  const failedRuntimes: string[] = [];
  const limit = pLimit(RUNTIME_CONCURRENCY);
  await Promise.all(
    galleryImages(settings.runtimes).map((image) =>
      limit(async () => {
        try {
          const releases = await fetchNewReleases(client, image, await storedVersions(db, image.runtime), historyMs);
          added += await saveReleases(
            db,
            releases.map((release) => ({ ...release, repository: `${registryHost}/${release.repository}` })),
            "gallery",
          );
        } catch (error) {
          failedRuntimes.push(image.runtime);
          log.warn({ runtime: image.runtime, error: (error as Error).message }, "base-image catalog: fetch failed");
        }
      }),
    ),
  );
  return { source: "gallery", added, failedRuntimes: failedRuntimes.sort() };
}

let lastRefreshAt: number | null = null;

/** `refreshCatalog` at most every `baseImages.refreshHours` in this process. */
export async function refreshCatalogIfDue(options: {
  config: CatalogConfig;
  now: Date;
}): Promise<CatalogRefresh | null> {
  const { config, now } = options;
  if (lastRefreshAt !== null && now.getTime() - lastRefreshAt < config.baseImages.refreshHours * HOUR_MS) return null;
  lastRefreshAt = now.getTime();
  return refreshCatalog({ config });
}

function galleryImages(runtimes: readonly string[] | undefined): GalleryImage[] {
  if (runtimes === undefined) return defaultGalleryImages();
  return runtimes.flatMap((runtime) => {
    const image = galleryImageOf(runtime);
    if (!image) log.warn({ runtime }, "base-image catalog: no AWS base image for this runtime");
    return image ?? [];
  });
}

/**
 * Releases of one runtime dated within `historyMs` of its newest release (so a deprecated runtime
 * keeps its last releases), minus those already stored, each architecture a release of its own.
 */
async function fetchNewReleases(
  client: GalleryClient,
  image: GalleryImage,
  stored: ReadonlySet<string>,
  historyMs: number,
): Promise<BaseImageRelease[]> {
  const storedTags = new Set([...stored].map(tagOfVersion));
  const dated = (await client.tags(image.repository)).flatMap((tag) => {
    const date = releaseTagDate(image, tag);
    return date === null ? [] : [{ tag, date }];
  });
  const newest = Math.max(...dated.map((entry) => entry.date.getTime()));
  const wanted = dated.filter((entry) => entry.date.getTime() >= newest - historyMs && !storedTags.has(entry.tag));
  const limit = pLimit(TAG_CONCURRENCY);
  const perTag = await Promise.all(
    wanted.map(({ tag, date }) =>
      limit(async () =>
        (await client.manifests(image.repository, tag)).map((manifest) => ({
          runtime: image.runtime,
          repository: `${image.repository}:${image.tagPrefix}`,
          version: versionWithArchitecture(tag, manifest.architecture),
          publishedAt: manifest.created ?? date,
          layers: manifest.layers,
          ...(manifest.architecture === null ? {} : { architecture: manifest.architecture }),
        })),
      ),
    ),
  );
  return perTag.flat();
}
