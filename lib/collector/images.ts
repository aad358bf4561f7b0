import type { ECRClient } from "@aws-sdk/client-ecr";
import { parseEcrImageUri } from "@/lib/analysis/image-uri";
import { evaluateLifecyclePolicy, type LifecycleVerdict, parseLifecyclePolicy } from "@/lib/analysis/lifecycle-policy";
import {
  batchGetImageManifests,
  describeImageScanFindings,
  describeImages,
  type EcrImage,
  getLifecyclePolicy,
  listRepositoryImages,
  type RepositoryRef,
} from "@/lib/aws/ecr";
import { manifestForArchitecture, parseManifest } from "@/lib/aws/ecr-manifest";
import { type ImageRow, imageId } from "@/lib/db/writes/images";
import { FailedCall, type PollErrors } from "./poll-errors";

export interface ImageTarget {
  /** "<registry>.dkr.ecr.<region>.amazonaws.com/<repo>" */
  imageRepository: string;
  imageDigest: string;
  architecture: string;
}

interface Repository extends RepositoryRef {
  region: string;
  /** Digest → the architecture of a function running it (selects the entry of a multi-arch index). */
  digests: Map<string, string>;
}

const SCANNED = new Set(["COMPLETE", "ACTIVE"]);

function repositoriesOf(targets: readonly ImageTarget[]): Repository[] {
  const repositories = new Map<string, Repository>();
  for (const target of targets) {
    const ref = parseEcrImageUri(target.imageRepository);
    if (!ref) continue;
    const key = `${ref.registryId}|${ref.region}|${ref.repository}`;
    const repo = repositories.get(key) ?? { ...ref, digests: new Map() };
    repo.digests.set(target.imageDigest, target.architecture);
    repositories.set(key, repo);
  }
  return [...repositories.values()];
}

/**
 * Describes the deployed images that are new or not checked for `recheckMs`: push time, size,
 * last pull, scan findings, and — once per image, it never changes — the manifest's layer digests
 * for base-image lineage. Repositories may live in other accounts and regions than the functions.
 */
export async function collectImages(
  ecrFor: (region: string) => ECRClient,
  targets: readonly ImageTarget[],
  known: ReadonlyMap<string, ImageRow>,
  options: { now: Date; recheckMs: number },
  errors: PollErrors,
  signal?: AbortSignal,
): Promise<ImageRow[]> {
  const rows: ImageRow[] = [];
  for (const repo of repositoriesOf(targets)) {
    const due = [...repo.digests.keys()].filter((digest) => {
      const row = known.get(imageId(repo.registryId, repo.repository, digest));
      return !row || options.now.getTime() - row.checkedAt.getTime() >= options.recheckMs;
    });
    if (due.length === 0) continue;
    try {
      rows.push(...(await describeRepository(ecrFor(repo.region), repo, due, known, options.now, errors, signal)));
    } catch (error) {
      if (signal?.aborted) throw error;
      const api = error instanceof FailedCall ? error.api : "ecr:DescribeImages";
      errors.record(api, error, undefined, `${repo.registryId}/${repo.repository}`);
    }
  }
  return rows;
}

async function describeRepository(
  ecr: ECRClient,
  repo: Repository,
  digests: string[],
  known: ReadonlyMap<string, ImageRow>,
  now: Date,
  errors: PollErrors,
  signal?: AbortSignal,
): Promise<ImageRow[]> {
  const { images, missing } = await describeImages(ecr, repo, digests, signal);
  const needLayers = images
    .map((image) => image.digest)
    .filter(
      (digest) => (known.get(imageId(repo.registryId, repo.repository, digest))?.manifestLayers ?? "[]") === "[]",
    );
  const layers = await manifestLayers(ecr, repo, needLayers, signal);
  let lifecycle: Map<string, LifecycleVerdict> | null;
  try {
    lifecycle = await lifecycleVerdicts(
      ecr,
      repo,
      images.map((image) => image.digest),
      signal,
    );
  } catch (error) {
    // The images are still worth writing: keep the verdicts we had (an identity without the
    // newer read permissions must not lose the rest of the image data).
    if (signal?.aborted) throw error;
    const api = error instanceof FailedCall ? error.api : "ecr:GetLifecyclePolicy";
    errors.record(api, error, undefined, `${repo.registryId}/${repo.repository}`);
    lifecycle = null;
  }
  const rows: ImageRow[] = [];
  for (const image of images) {
    const id = imageId(repo.registryId, repo.repository, image.digest);
    const findings = image.findings ?? (await scanFindings(ecr, repo, image, signal));
    rows.push({
      id,
      registryId: repo.registryId,
      repository: repo.repository,
      digest: image.digest,
      tags: JSON.stringify([...image.tags].sort()),
      pushedAt: image.pushedAt,
      sizeBytes: image.sizeBytes,
      lastPulledAt: image.lastPulledAt,
      manifestLayers: layers.has(image.digest)
        ? JSON.stringify(layers.get(image.digest))
        : (known.get(id)?.manifestLayers ?? "[]"),
      scanStatus: image.scanStatus,
      scanCompletedAt: image.scanCompletedAt,
      lifecycle: lifecycle
        ? lifecycle.has(image.digest)
          ? JSON.stringify(lifecycle.get(image.digest))
          : null
        : (known.get(id)?.lifecycle ?? null),
      findingsCritical: findings?.critical ?? 0,
      findingsHigh: findings?.high ?? 0,
      findingsMedium: findings?.medium ?? 0,
      findingsLow: findings?.low ?? 0,
      missingAt: null,
      checkedAt: now,
    });
  }
  for (const digest of missing) {
    const id = imageId(repo.registryId, repo.repository, digest);
    const row = known.get(id);
    rows.push({
      ...(row ?? emptyImage(id, repo, digest)),
      missingAt: row?.missingAt ?? now,
      checkedAt: now,
    });
  }
  return rows;
}

function emptyImage(id: string, repo: RepositoryRef, digest: string): ImageRow {
  return {
    id,
    registryId: repo.registryId,
    repository: repo.repository,
    digest,
    tags: "[]",
    pushedAt: null,
    sizeBytes: null,
    lastPulledAt: null,
    manifestLayers: "[]",
    scanStatus: null,
    scanCompletedAt: null,
    lifecycle: null,
    findingsCritical: 0,
    findingsHigh: 0,
    findingsMedium: 0,
    findingsLow: 0,
    missingAt: null,
    checkedAt: new Date(0),
  };
}

/**
 * What the repository's lifecycle policy will do to the deployed digests, evaluated locally against
 * every image in the repository (count rules rank them all).
 */
async function lifecycleVerdicts(
  ecr: ECRClient,
  repo: Repository,
  digests: string[],
  signal?: AbortSignal,
): Promise<Map<string, LifecycleVerdict>> {
  if (digests.length === 0) return new Map();
  const text = await getLifecyclePolicy(ecr, repo, signal);
  if (text === null) return new Map(digests.map((digest) => [digest, { status: "no-policy" }]));
  const policy = parseLifecyclePolicy(text);
  let repository: EcrImage[] = [];
  try {
    if (policy.ok) repository = await listRepositoryImages(ecr, repo, signal);
  } catch (error) {
    throw new FailedCall("ecr:DescribeImages", error);
  }
  return evaluateLifecyclePolicy(policy, repository, digests);
}

async function scanFindings(ecr: ECRClient, repo: RepositoryRef, image: EcrImage, signal?: AbortSignal) {
  if (!image.scanStatus || !SCANNED.has(image.scanStatus)) return null;
  try {
    return await describeImageScanFindings(ecr, repo, image.digest, signal);
  } catch (error) {
    throw new FailedCall("ecr:DescribeImageScanFindings", error);
  }
}

/** Layer digests, base first; a multi-architecture index is resolved to the function's architecture. */
async function manifestLayers(
  ecr: ECRClient,
  repo: Repository,
  digests: string[],
  signal?: AbortSignal,
): Promise<Map<string, string[]>> {
  if (digests.length === 0) return new Map();
  try {
    const layers = new Map<string, string[]>();
    const children = new Map<string, string>();
    for (const [digest, text] of await batchGetImageManifests(ecr, repo, digests, signal)) {
      const manifest = parseManifest(text);
      if (manifest.kind === "image") layers.set(digest, manifest.layers);
      else {
        const child = manifestForArchitecture(manifest.manifests, repo.digests.get(digest) ?? "x86_64");
        if (child) children.set(child, digest);
      }
    }
    for (const [child, text] of await batchGetImageManifests(ecr, repo, [...children.keys()], signal)) {
      const manifest = parseManifest(text);
      if (manifest.kind === "image") layers.set(children.get(child)!, manifest.layers);
    }
    return layers;
  } catch (error) {
    throw new FailedCall("ecr:BatchGetImage", error);
  }
}
