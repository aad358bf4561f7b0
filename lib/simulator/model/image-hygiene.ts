import type { Deploy, DeployTimeline } from "./deploys";
import type { FunctionSpec } from "./fleet";
import type { ImageRecord } from "./images";
import { unitFloat } from "./random";
import { DAY, MINUTE } from "./time";

// What can go wrong with an image beyond $LATEST: lifecycle policies on its repository, versions
// and aliases pinning older digests, and enhanced scanning that lapses. Drawn per function from
// its key alone, so adding this left every other draw of the fleet unchanged.

const SALT_HYGIENE = 61;

/**
 * The policy shapes the demo fleet uses. Ages are relative to the image live when the fleet's
 * history ends, so "age-soon" expires it within a few days of the start and "age-far" months later.
 */
export type LifecyclePolicyKind = "age-soon" | "age-far" | "keep-last-one" | "keep-releases" | "since-pulled";

export interface ImageHygiene {
  policy: LifecyclePolicyKind | null;
  /** Inspector enhanced scanning: re-scanned daily while the image is within its push/pull window. */
  enhancedScanning: boolean;
  /** Publishes a version per deploy, keeps the last five, alias `live` on the newest. */
  versions: { canary: boolean } | null;
}

/** How long Inspector keeps re-scanning an image after its push or last pull (default for new accounts). */
export const ENHANCED_RESCAN_WINDOW = 14 * DAY;
export const KEPT_VERSIONS = 5;
export const CANARY_WEIGHT = 0.1;
export const ALIAS_NAME = "live";

export function imageHygiene(fn: FunctionSpec): ImageHygiene {
  if (fn.packageType !== "Image" || fn.imageFate) return { policy: null, enhancedScanning: false, versions: null };
  const draw = (salt: number) => unitFloat(fn.key, SALT_HYGIENE, salt);
  const p = draw(1);
  const policy: LifecyclePolicyKind | null =
    p < 0.12
      ? "age-soon"
      : p < 0.24
        ? "age-far"
        : p < 0.36
          ? "keep-last-one"
          : p < 0.48
            ? "keep-releases"
            : p < 0.54
              ? "since-pulled"
              : null;
  return {
    policy,
    enhancedScanning: fn.scanOnPush && draw(2) < 0.4,
    versions: draw(3) < 0.45 ? { canary: draw(4) < 0.5 } : null,
  };
}

/** Days of the "age" policies: the image live at `start`, expiring 1–5 days (or 60–300 days) later. */
export function policyAgeDays(fn: FunctionSpec, liveAtStart: ImageRecord, start: number, kind: "age-soon" | "age-far") {
  const ageDays = Math.ceil((start - liveAtStart.pushedAt) / DAY);
  const extra = unitFloat(fn.key, SALT_HYGIENE, 5);
  return ageDays + (kind === "age-soon" ? 1 + Math.floor(extra * 5) : 60 + Math.floor(extra * 240));
}

/** The lifecycle policy text ECR returns for the kind. */
export function lifecyclePolicyText(kind: LifecyclePolicyKind, ageDays: number): string {
  const expire = { type: "expire" };
  const rules = {
    "age-soon": [
      { rulePriority: 1, description: "keep one untagged image", selection: untaggedCount(1), action: expire },
      { rulePriority: 2, selection: sincePushed("any", ageDays), action: expire },
    ],
    "age-far": [
      { rulePriority: 1, description: "keep one untagged image", selection: untaggedCount(1), action: expire },
      { rulePriority: 2, selection: sincePushed("any", ageDays), action: expire },
    ],
    "keep-last-one": [
      {
        rulePriority: 1,
        description: "keep last 1 tagged 20*",
        selection: { tagStatus: "tagged", tagPrefixList: ["20"], countType: "imageCountMoreThan", countNumber: 1 },
        action: expire,
      },
    ],
    "keep-releases": [
      {
        rulePriority: 1,
        description: "keep last 3 releases",
        selection: {
          tagStatus: "tagged",
          tagPatternList: ["release-*"],
          countType: "imageCountMoreThan",
          countNumber: 3,
        },
        action: expire,
      },
      { rulePriority: 2, selection: sincePushed("untagged", 7), action: expire },
    ],
    "since-pulled": [
      {
        rulePriority: 1,
        description: "expire images not pulled for 30 days",
        selection: { tagStatus: "any", countType: "sinceImagePulled", countUnit: "days", countNumber: 30 },
        action: expire,
      },
    ],
  }[kind];
  return JSON.stringify({ rules });
}

const untaggedCount = (countNumber: number) => ({
  tagStatus: "untagged",
  countType: "imageCountMoreThan",
  countNumber,
});
const sincePushed = (tagStatus: string, countNumber: number) => ({
  tagStatus,
  countType: "sinceImagePushed",
  countUnit: "days",
  countNumber,
});

export interface ScanState {
  status: "COMPLETE" | "ACTIVE" | "SCAN_ELIGIBILITY_EXPIRED";
  completedAt: number;
}

/**
 * Basic scanning scans once on push. Enhanced scanning re-scans daily while the image is within
 * its window after the push or the last pull, then stops: Inspector counts Lambda as no use.
 */
export function scanState(image: ImageRecord, enhanced: boolean, lastPull: number | undefined, now: number): ScanState {
  const first = image.pushedAt + 2 * MINUTE;
  if (!enhanced) return { status: "COMPLETE", completedAt: first };
  const windowEnd = Math.max(image.pushedAt, lastPull ?? 0) + ENHANCED_RESCAN_WINDOW;
  const until = Math.min(now, windowEnd);
  const completedAt = first + Math.max(0, Math.floor((until - first) / DAY)) * DAY;
  return { status: now < windowEnd ? "ACTIVE" : "SCAN_ELIGIBILITY_EXPIRED", completedAt };
}

export interface PublishedVersion {
  version: string;
  deploy: Deploy;
}

export interface AliasRouting {
  name: string;
  version: string;
  /** The canary: version → weight. */
  additional: Record<string, number>;
}

/** The versions a versioning function has at `now` (the last five deploys), oldest first. */
export function publishedVersions(timeline: DeployTimeline, now: number): PublishedVersion[] {
  const deploys = timeline.until(now);
  return deploys.slice(-KEPT_VERSIONS).map((deploy) => ({ version: String(deploy.index + 1), deploy }));
}

/** Alias `live`: the newest version, with 10 % still on the previous one for canary functions. */
export function aliasesAt(hygiene: ImageHygiene, versions: readonly PublishedVersion[]): AliasRouting[] {
  const newest = versions[versions.length - 1];
  if (!hygiene.versions || !newest) return [];
  const previous = versions[versions.length - 2];
  return [
    {
      name: ALIAS_NAME,
      version: newest.version,
      additional: hygiene.versions.canary && previous ? { [previous.version]: CANARY_WEIGHT } : {},
    },
  ];
}
