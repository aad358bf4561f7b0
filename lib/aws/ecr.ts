import {
  BatchGetImageCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  type ECRClient,
  GetLifecyclePolicyCommand,
} from "@aws-sdk/client-ecr";
import { z } from "zod";
import { hasCode } from "./errors";

/** DescribeImages and BatchGetImage take at most 100 image ids per call. */
export const MAX_IMAGE_IDS_PER_CALL = 100;

export interface RepositoryRef {
  registryId: string;
  repository: string;
}

export interface SeverityCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
}

export interface EcrImage {
  digest: string;
  tags: string[];
  pushedAt: Date | null;
  /** Compressed size, as ECR reports it. */
  sizeBytes: number | null;
  lastPulledAt: Date | null;
  scanStatus: string | null;
  /** When the last completed scan finished. */
  scanCompletedAt: Date | null;
  findings: SeverityCounts | null;
}

const severityCounts = z.record(z.string(), z.number()).transform((counts) => ({
  critical: counts.CRITICAL ?? 0,
  high: counts.HIGH ?? 0,
  medium: counts.MEDIUM ?? 0,
  low: counts.LOW ?? 0,
}));

const imageDetail = z
  .object({
    imageDigest: z.string(),
    imageTags: z.array(z.string()).default([]),
    imagePushedAt: z.date().optional(),
    imageSizeInBytes: z.number().optional(),
    lastRecordedPullTime: z.date().optional(),
    imageScanStatus: z.object({ status: z.string().optional() }).optional(),
    imageScanFindingsSummary: z
      .object({ imageScanCompletedAt: z.date().optional(), findingSeverityCounts: severityCounts.optional() })
      .optional(),
  })
  .transform(
    (d): EcrImage => ({
      digest: d.imageDigest,
      tags: d.imageTags,
      pushedAt: d.imagePushedAt ?? null,
      sizeBytes: d.imageSizeInBytes ?? null,
      lastPulledAt: d.lastRecordedPullTime ?? null,
      scanStatus: d.imageScanStatus?.status ?? null,
      scanCompletedAt: d.imageScanFindingsSummary?.imageScanCompletedAt ?? null,
      findings: d.imageScanFindingsSummary?.findingSeverityCounts ?? null,
    }),
  );

const describeAnswer = z.object({
  imageDetails: z.array(imageDetail).default([]),
  nextToken: z.string().optional(),
});

export interface DescribedImages {
  images: EcrImage[];
  /** Digests the repository no longer holds (or the repository is gone). */
  missing: string[];
}

/**
 * Describes images by digest, ≤ 100 per call. DescribeImages fails the whole call when one id is
 * missing, so a failing batch is halved until the missing digests are isolated.
 */
export async function describeImages(
  ecr: ECRClient,
  repo: RepositoryRef,
  digests: readonly string[],
  signal?: AbortSignal,
): Promise<DescribedImages> {
  const result: DescribedImages = { images: [], missing: [] };
  const describe = async (batch: readonly string[]): Promise<void> => {
    try {
      const answer = describeAnswer.parse(
        await ecr.send(
          new DescribeImagesCommand({
            registryId: repo.registryId,
            repositoryName: repo.repository,
            imageIds: batch.map((imageDigest) => ({ imageDigest })),
          }),
          { abortSignal: signal },
        ),
      );
      result.images.push(...answer.imageDetails);
    } catch (error) {
      if (hasCode(error, "RepositoryNotFoundException")) result.missing.push(...batch);
      else if (!hasCode(error, "ImageNotFoundException")) throw error;
      else if (batch.length === 1) result.missing.push(batch[0]!);
      else {
        const half = Math.ceil(batch.length / 2);
        await describe(batch.slice(0, half));
        await describe(batch.slice(half));
      }
    }
  };
  for (let i = 0; i < digests.length; i += MAX_IMAGE_IDS_PER_CALL) {
    await describe(digests.slice(i, i + MAX_IMAGE_IDS_PER_CALL));
  }
  return result;
}

/** Every image in the repository (DescribeImages pages of 1000): what a lifecycle policy ranks. */
export async function listRepositoryImages(
  ecr: ECRClient,
  repo: RepositoryRef,
  signal?: AbortSignal,
): Promise<EcrImage[]> {
  const images: EcrImage[] = [];
  let nextToken: string | undefined;
  do {
    const answer = describeAnswer.parse(
      await ecr.send(
        new DescribeImagesCommand({
          registryId: repo.registryId,
          repositoryName: repo.repository,
          maxResults: 1000,
          nextToken,
        }),
        { abortSignal: signal },
      ),
    );
    images.push(...answer.imageDetails);
    nextToken = answer.nextToken;
  } while (nextToken);
  return images;
}

const lifecycleAnswer = z.object({ lifecyclePolicyText: z.string() });

/** The repository's lifecycle policy text; null when it has none. */
export async function getLifecyclePolicy(
  ecr: ECRClient,
  repo: RepositoryRef,
  signal?: AbortSignal,
): Promise<string | null> {
  try {
    const answer = lifecycleAnswer.parse(
      await ecr.send(new GetLifecyclePolicyCommand({ registryId: repo.registryId, repositoryName: repo.repository }), {
        abortSignal: signal,
      }),
    );
    return answer.lifecyclePolicyText;
  } catch (error) {
    if (hasCode(error, "LifecyclePolicyNotFoundException")) return null;
    throw error;
  }
}

const findingsAnswer = z.object({
  imageScanStatus: z.object({ status: z.string().optional() }).optional(),
  imageScanFindings: z.object({ findingSeverityCounts: severityCounts.optional() }).optional(),
});

/** Severity counts of a completed scan (basic or enhanced); null while none is available. */
export async function describeImageScanFindings(
  ecr: ECRClient,
  repo: RepositoryRef,
  digest: string,
  signal?: AbortSignal,
): Promise<SeverityCounts | null> {
  try {
    const answer = findingsAnswer.parse(
      await ecr.send(
        new DescribeImageScanFindingsCommand({
          registryId: repo.registryId,
          repositoryName: repo.repository,
          imageId: { imageDigest: digest },
          maxResults: 1,
        }),
        { abortSignal: signal },
      ),
    );
    return answer.imageScanFindings?.findingSeverityCounts ?? null;
  } catch (error) {
    if (hasCode(error, "ScanNotFoundException")) return null;
    throw error;
  }
}

export const MANIFEST_MEDIA_TYPES = [
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.index.v1+json",
];

const batchGetAnswer = z.object({
  images: z.array(z.object({ imageId: z.object({ imageDigest: z.string() }), imageManifest: z.string() })).default([]),
});

/** Raw manifests by digest, ≤ 100 per call; digests ECR cannot find are absent from the map. */
export async function batchGetImageManifests(
  ecr: ECRClient,
  repo: RepositoryRef,
  digests: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const manifests = new Map<string, string>();
  for (let i = 0; i < digests.length; i += MAX_IMAGE_IDS_PER_CALL) {
    const answer = batchGetAnswer.parse(
      await ecr.send(
        new BatchGetImageCommand({
          registryId: repo.registryId,
          repositoryName: repo.repository,
          imageIds: digests.slice(i, i + MAX_IMAGE_IDS_PER_CALL).map((imageDigest) => ({ imageDigest })),
          acceptedMediaTypes: MANIFEST_MEDIA_TYPES,
        }),
        { abortSignal: signal },
      ),
    );
    for (const image of answer.images) manifests.set(image.imageId.imageDigest, image.imageManifest);
  }
  return manifests;
}
