import "server-only";
import { z } from "zod";
import type { BaseImageRelease } from "@/lib/analysis/lineage";
import { architectureOfVersion } from "@/lib/analysis/release-version";
import { type Db, db as defaultDb } from "../client";
import { parseJsonColumn } from "./json-column";

const layersColumn = z.array(z.string()).catch([]);

/** The whole catalog of AWS base-image releases, as lineage matching takes it. */
export async function loadCatalog(db: Db = defaultDb): Promise<BaseImageRelease[]> {
  const rows = await db.baseImageRelease.findMany({
    orderBy: [{ runtime: "asc" }, { publishedAt: "asc" }, { version: "asc" }],
  });
  return rows.map((row) => {
    const architecture = architectureOfVersion(row.version);
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
