import { compareStrings } from "./compare";

/** One published AWS base image (e.g. a dated push of public.ecr.aws/lambda/python:3.12). */
export interface BaseImageRelease {
  /** Lambda runtime id, e.g. "python3.12". */
  runtime: string;
  repository: string;
  version: string;
  /** Images for different architectures have different layers; releases are compared per architecture. */
  architecture?: string;
  publishedAt: Date;
  /** Manifest layer digests, bottom first. */
  layers: readonly string[];
}

export type LineageResult =
  | {
      kind: "matched";
      runtime: string;
      release: BaseImageRelease;
      newest: BaseImageRelease;
      /** Releases of the same runtime (and architecture) published after the matched one. */
      releasesBehind: number;
      /** When the first newer release was published; null when the match is the newest. */
      newerAvailableSince: Date | null;
    }
  | { kind: "unknown" };

/**
 * Finds the base release an image was built on: the release whose layers are the longest prefix
 * of the image's layers (all of them, in order). Runtimes share lower layers (the OS), so the
 * longest full match is the most specific. Releases with identical layers in one runtime are
 * the same content re-published; the newest of them is taken, so a rebuild is not called
 * behind. An equally long match in two runtimes is ambiguous and reported as unknown rather
 * than guessed.
 */
export function matchBaseImage(imageLayers: readonly string[], catalog: readonly BaseImageRelease[]): LineageResult {
  const candidates = catalog.filter((release) => isLayerPrefix(release.layers, imageLayers));
  const longest = Math.max(0, ...candidates.map((release) => release.layers.length));
  const best = candidates.filter((release) => release.layers.length === longest);
  if (best.length === 0 || new Set(best.map(lineKey)).size > 1) return { kind: "unknown" };

  const line = catalog.filter((release) => lineKey(release) === lineKey(best[0]!)).sort(byPublication);
  const matchedIndex = Math.max(...best.map((release) => line.indexOf(release)));
  const release = line[matchedIndex]!;
  const next = line[matchedIndex + 1];
  return {
    kind: "matched",
    runtime: release.runtime,
    release,
    newest: line[line.length - 1]!,
    releasesBehind: line.length - 1 - matchedIndex,
    newerAvailableSince: next?.publishedAt ?? null,
  };
}

function isLayerPrefix(prefix: readonly string[], layers: readonly string[]): boolean {
  return prefix.length > 0 && prefix.length <= layers.length && prefix.every((digest, i) => layers[i] === digest);
}

function lineKey(release: BaseImageRelease): string {
  return `${release.runtime}\u0000${release.architecture ?? ""}`;
}

function byPublication(a: BaseImageRelease, b: BaseImageRelease): number {
  return a.publishedAt.getTime() - b.publishedAt.getTime() || compareStrings(a.version, b.version);
}
