import { createHash } from "node:crypto";
import { type BaseImageCatalog, type BaseImageRelease, type ImageLayer, runtimeSpec } from "./catalog";
import type { Deploy, DeployTimeline } from "./deploys";
import type { Fleet, FunctionSpec } from "./fleet";
import { imageHygiene, lifecyclePolicyText, policyAgeDays } from "./image-hygiene";
import { createRng, hashInts, hexFrom, poissonFromUnit, unitFloat } from "./random";
import { MINUTE } from "./time";
import { VULNERABLE_PACKAGES } from "./vocabulary";

export type Severity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFORMATIONAL";
export type SeverityCounts = Partial<Record<Severity, number>>;

export interface Finding {
  name: string;
  severity: Severity;
  packageName: string;
  packageVersion: string;
}

/** One image pushed to ECR for one deploy of an image function. */
export interface ImageRecord {
  functionArn: string;
  deployIndex: number;
  registryId: string;
  region: string;
  repositoryName: string;
  tag: string;
  pushedAt: number;
  digest: string;
  manifest: string;
  mediaType: string;
  sizeBytes: number;
  baseRelease: BaseImageRelease;
  /** How many newer base releases existed when the image was built. */
  releasesBehindAtBuild: number;
  appLayers: readonly ImageLayer[];
  /** Absent when the repository does not scan on push. */
  scan?: { completedAt: number; counts: SeverityCounts; findings: readonly Finding[] };
  /** Set for images deleted from ECR (the function then fails with `ImageDeleted`). */
  deletedAt?: number;
}

const LAYER_MEDIA_TYPES: Record<string, { config: string; layer: string }> = {
  "application/vnd.docker.distribution.manifest.v2+json": {
    config: "application/vnd.docker.container.image.v1+json",
    layer: "application/vnd.docker.image.rootfs.diff.tar.gzip",
  },
  "application/vnd.oci.image.manifest.v1+json": {
    config: "application/vnd.oci.image.config.v1+json",
    layer: "application/vnd.oci.image.layer.v1.tar+gzip",
  },
};

const SALT_IMAGE = 41;
/** Images are pushed up to this long before the deploy that uses them. */
const MAX_PUSH_LEAD = 40 * MINUTE;
const SALT_FINDINGS = 42;

/** The ECR side of the fleet: every image each deploy pushed, built on some base release. */
export class ImageRegistry {
  private readonly images = new Map<string, ImageRecord>();
  private readonly repositories = new Map<string, FunctionSpec>();
  private readonly start: number;

  constructor(
    fleet: Fleet,
    private readonly catalog: BaseImageCatalog,
    private readonly deploysOf: (fn: FunctionSpec) => DeployTimeline,
  ) {
    this.start = fleet.start;
    for (const fn of fleet.functions) {
      if (fn.repository)
        this.repositories.set(repositoryKey(fn.repository.registryId, fn.region, fn.repository.name), fn);
    }
  }

  /** The function owning a repository (each image function has its own). */
  repositoryOwner(registryId: string, region: string, name: string): FunctionSpec | undefined {
    return this.repositories.get(repositoryKey(registryId, region, name));
  }

  /** The repository's lifecycle policy text (GetLifecyclePolicy), or null without one. */
  lifecyclePolicy(fn: FunctionSpec): string | null {
    const kind = imageHygiene(fn).policy;
    if (!kind) return null;
    const ageDays =
      kind === "age-soon" || kind === "age-far"
        ? policyAgeDays(fn, this.imageFor(fn, this.deploysOf(fn).liveAt(this.start)), this.start, kind)
        : 0;
    return lifecyclePolicyText(kind, ageDays);
  }

  /** Images in the function's repository at `now`, oldest first. */
  imagesAt(fn: FunctionSpec, now: number): ImageRecord[] {
    return this.deploysOf(fn)
      .until(now + MAX_PUSH_LEAD)
      .map((deploy) => this.imageFor(fn, deploy))
      .filter((image) => image.pushedAt <= now && (image.deletedAt === undefined || image.deletedAt > now));
  }

  /** Every image ever pushed for the function up to `now`, deleted ones included. */
  pushedUntil(fn: FunctionSpec, now: number): ImageRecord[] {
    return this.deploysOf(fn)
      .until(now + MAX_PUSH_LEAD)
      .map((deploy) => this.imageFor(fn, deploy))
      .filter((image) => image.pushedAt <= now);
  }

  imageFor(fn: FunctionSpec, deploy: Deploy): ImageRecord {
    const cacheKey = `${fn.index}:${deploy.index}`;
    const cached = this.images.get(cacheKey);
    if (cached) return cached;
    const image = this.build(fn, deploy);
    this.images.set(cacheKey, image);
    return image;
  }

  private build(fn: FunctionSpec, deploy: Deploy): ImageRecord {
    const repository = fn.repository;
    if (!repository) throw new Error(`${fn.name} is not an image function`);
    const rng = createRng(hashInts(fn.key, SALT_IMAGE, deploy.index));
    const pushedAt = deploy.startedAt - rng.int(3, 40) * MINUTE;
    const newest = this.catalog.latestAt(fn.runtime, pushedAt);
    const baseRelease = this.catalog.release(fn.runtime, Math.max(0, newest.index - fn.baseLag));
    const baseBytes = baseRelease.layers.reduce((sum, layer) => sum + layer.sizeBytes, 0);
    const totalBytes = Math.min(0.995 * 10 * 1024 ** 3, fn.codeSizeBytes * rng.between(0.97, 1.03));
    const appBytes = Math.max(5 * 1024 ** 2, totalBytes - baseBytes);
    const layerCount = rng.int(1, 4);
    const fractions = Array.from({ length: layerCount }, () => rng.between(0.1, 1));
    const fractionSum = fractions.reduce((sum, value) => sum + value, 0);
    const appLayers = fractions.map((fraction, layer) => ({
      digest: `sha256:${hexFrom(64, fn.key, deploy.index * 8 + layer + 1, SALT_IMAGE)}`,
      sizeBytes: Math.round((appBytes * fraction) / fractionSum),
    }));
    const mediaTypes = LAYER_MEDIA_TYPES[fn.manifestMediaType] ?? {
      config: "application/vnd.docker.container.image.v1+json",
      layer: "application/vnd.docker.image.rootfs.diff.tar.gzip",
    };
    const manifest = JSON.stringify(
      {
        schemaVersion: 2,
        mediaType: fn.manifestMediaType,
        config: {
          mediaType: mediaTypes.config,
          size: rng.int(2500, 12000),
          digest: `sha256:${hexFrom(64, fn.key, deploy.index, SALT_IMAGE + 1)}`,
        },
        layers: [...baseRelease.layers, ...appLayers].map((layer) => ({
          mediaType: mediaTypes.layer,
          size: layer.sizeBytes,
          digest: layer.digest,
        })),
      },
      null,
      3,
    );
    const releasesBehindAtBuild = newest.index - baseRelease.index;
    const deprecated = this.catalog.isDeprecated(fn.runtime, pushedAt);
    const fate = fn.imageFate;
    const deleted = fate?.kind === "ImageDeleted" && this.deploysOf(fn).liveAt(fate.at).index === deploy.index;
    return {
      functionArn: fn.arn,
      deployIndex: deploy.index,
      registryId: repository.registryId,
      region: fn.region,
      repositoryName: repository.name,
      tag: `${new Date(pushedAt).toISOString().slice(0, 10).replaceAll("-", "")}-${hexFrom(7, fn.key, deploy.index, 7)}`,
      pushedAt,
      digest: `sha256:${createHash("sha256").update(manifest).digest("hex")}`,
      manifest,
      mediaType: fn.manifestMediaType,
      sizeBytes: baseBytes + appLayers.reduce((sum, layer) => sum + layer.sizeBytes, 0),
      baseRelease,
      releasesBehindAtBuild,
      appLayers,
      scan: fn.scanOnPush ? scanImage(fn, deploy.index, pushedAt, releasesBehindAtBuild, deprecated) : undefined,
      deletedAt: deleted ? fate.at : undefined,
    };
  }
}

/** Older base images and deprecated runtimes carry more known vulnerabilities. */
function scanImage(
  fn: FunctionSpec,
  deployIndex: number,
  pushedAt: number,
  releasesBehind: number,
  deprecated: boolean,
): NonNullable<ImageRecord["scan"]> {
  const draw = (salt: number, mean: number) =>
    poissonFromUnit(mean, unitFloat(fn.key, SALT_FINDINGS, deployIndex, salt));
  const counts: SeverityCounts = {
    CRITICAL: draw(1, 0.12 * releasesBehind + (deprecated ? 1.2 : 0.03)),
    HIGH: draw(2, 0.5 * releasesBehind + (deprecated ? 4 : 0.3)),
    MEDIUM: draw(3, 1.5 + releasesBehind),
    LOW: draw(4, 3),
    INFORMATIONAL: draw(5, 1),
  };
  for (const severity of Object.keys(counts) as Severity[]) if (counts[severity] === 0) delete counts[severity];
  const packages = [...(VULNERABLE_PACKAGES.os ?? []), ...(VULNERABLE_PACKAGES[runtimeSpec(fn.runtime).family] ?? [])];
  const findings: Finding[] = [];
  for (const [severity, count] of Object.entries(counts) as [Severity, number][]) {
    for (let i = 0; i < count; i++) {
      const h = hashInts(fn.key, deployIndex, findings.length, SALT_FINDINGS);
      findings.push({
        name: `CVE-${2021 + (h % 5)}-${10000 + ((h >>> 4) % 40000)}`,
        severity,
        packageName: packages[(h >>> 12) % packages.length] ?? "openssl",
        packageVersion: `${1 + ((h >>> 3) % 3)}.${(h >>> 7) % 20}.${(h >>> 11) % 10}`,
      });
    }
  }
  return { completedAt: pushedAt + 2 * MINUTE, counts, findings };
}

const repositoryKey = (registryId: string, region: string, name: string): string => `${registryId}/${region}/${name}`;
