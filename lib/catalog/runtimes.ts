import { RUNTIMES } from "@/lib/analysis/runtimes";

/** Where the AWS base images of one Lambda runtime are published on the public gallery. */
export interface GalleryImage {
  runtime: string;
  /** Repository path on the registry, e.g. "lambda/python". */
  repository: string;
  /** Start of the runtime's release tags, e.g. "3.12" in "3.12.2026.11.20.10". */
  tagPrefix: string;
}

// The inverse of runtimeFromBaseImage (lib/analysis/runtimes.ts) for the runtimes with a base image.
const PATTERNS: readonly [RegExp, (match: RegExpExecArray) => [string, string]][] = [
  [/^(python|ruby)(\d+\.\d+)$/, (m) => [m[1]!, m[2]!]],
  [/^nodejs(\d+)\.x$/, (m) => ["nodejs", m[1]!]],
  [/^java8\.al2$/, () => ["java", "8.al2"]],
  [/^java(\d+)$/, (m) => ["java", m[1]!]],
  [/^dotnet(\d+)$/, (m) => ["dotnet", m[1]!]],
  [/^go1\.x$/, () => ["go", "1"]],
  [/^provided$/, () => ["provided", "alami"]],
  [/^provided\.(al\d+)$/, (m) => ["provided", m[1]!]],
];

export function galleryImageOf(runtime: string): GalleryImage | null {
  for (const [pattern, parts] of PATTERNS) {
    const match = pattern.exec(runtime);
    if (!match) continue;
    const [language, tagPrefix] = parts(match);
    return { runtime, repository: `lambda/${language}`, tagPrefix };
  }
  return null;
}

/** Every runtime of the runtime table, deprecated ones too: images on them are what the deprecation rule is for. */
export function defaultGalleryImages(): GalleryImage[] {
  return RUNTIMES.flatMap((runtime) => galleryImageOf(runtime.id) ?? []);
}

const DATED_TAG = /^(\d{4})\.(\d{2})\.(\d{2})\.(\d{2})$/;

/** The release date in a dated tag ("3.12.2026.11.20.10" → 2026-11-20T10:00Z); null for other tags. */
export function releaseTagDate(image: GalleryImage, tag: string): Date | null {
  if (!tag.startsWith(`${image.tagPrefix}.`)) return null;
  const match = DATED_TAG.exec(tag.slice(image.tagPrefix.length + 1));
  if (!match) return null;
  const [, year, month, day, hour] = match;
  const date = new Date(`${year}-${month}-${day}T${hour}:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
