import { z } from "zod";
import { SHARED_REGISTRY_ACCOUNT_ID } from "../model/accounts";
import type { FunctionSpec } from "../model/fleet";
import { imageHygiene, type ScanState, scanState } from "../model/image-hygiene";
import type { ImageRecord } from "../model/images";
import { AwsError } from "../protocols/errors";
import { validateInput } from "../protocols/validation";
import { type CallContext, decodeToken, encodeToken, type Operation } from "./context";

/** ECR: each image function's repository with one image per deploy (deleted ones gone). */
const ImageId = z.object({ imageDigest: z.string().optional(), imageTag: z.string().optional() });
const RepositoryInput = {
  registryId: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  repositoryName: z.string().min(2).max(256),
};

const DescribeImagesInput = z.object({
  ...RepositoryInput,
  imageIds: z.array(ImageId).min(1).max(100).optional(),
  nextToken: z.string().optional(),
  maxResults: z.number().int().min(1).max(1000).optional(),
  filter: z.object({ tagStatus: z.enum(["TAGGED", "UNTAGGED", "ANY"]).optional() }).optional(),
});
const DescribeImageScanFindingsInput = z.object({
  ...RepositoryInput,
  imageId: ImageId,
  nextToken: z.string().optional(),
  maxResults: z.number().int().min(1).max(1000).optional(),
});
const GetLifecyclePolicyInput = z.object(RepositoryInput);
const BatchGetImageInput = z.object({
  ...RepositoryInput,
  imageIds: z.array(ImageId).min(1).max(100),
  acceptedMediaTypes: z.array(z.string()).min(1).max(100).optional(),
});

type ImageId = z.output<typeof ImageId>;

interface Repository {
  owner: FunctionSpec;
  registryId: string;
  name: string;
  images: ImageRecord[];
}

export const ecrOperations: Record<string, Operation<Record<string, unknown>>> = {
  DescribeImages: {
    quota: { name: "ecr:DescribeImages", perSecond: 20 },
    handle(body, context) {
      const input = validateInput(DescribeImagesInput, body, "InvalidParameterException");
      const repository = openRepository(input.registryId, input.repositoryName, context, "DescribeImages");
      if (input.imageIds) {
        return {
          imageDetails: input.imageIds.map((id) => describeImage(repository, requireImage(repository, id), context)),
        };
      }
      const listed = input.filter?.tagStatus === "UNTAGGED" ? [] : repository.images;
      const offset = input.nextToken === undefined ? 0 : tokenOffset(input.nextToken);
      const size = input.maxResults ?? 100;
      const page = listed.slice(offset, offset + size);
      return {
        imageDetails: page.map((image) => describeImage(repository, image, context)),
        ...(offset + size < listed.length ? { nextToken: encodeToken({ offset: offset + size }) } : {}),
      };
    },
  },
  DescribeImageScanFindings: {
    quota: { name: "ecr:DescribeImageScanFindings", perSecond: 20 },
    handle(body, context) {
      const input = validateInput(DescribeImageScanFindingsInput, body, "InvalidParameterException");
      const repository = openRepository(input.registryId, input.repositoryName, context, "DescribeImageScanFindings");
      const image = requireImage(repository, input.imageId);
      if (!image.scan) {
        throw new AwsError(
          "ScanNotFoundException",
          `Image scan does not exist for the image with '${describeId(input.imageId)}' in the repository with name '${repository.name}' in the registry with id '${repository.registryId}'`,
        );
      }
      const offset = input.nextToken === undefined ? 0 : tokenOffset(input.nextToken);
      const size = input.maxResults ?? 100;
      const findings = image.scan.findings.slice(offset, offset + size);
      const scan = scanOf(repository, image, context);
      return {
        registryId: repository.registryId,
        repositoryName: repository.name,
        imageId: { imageDigest: image.digest, imageTag: image.tag },
        imageScanStatus: scanStatus(scan),
        imageScanFindings: {
          imageScanCompletedAt: scan.completedAt / 1000,
          vulnerabilitySourceUpdatedAt: scan.completedAt / 1000,
          findingSeverityCounts: image.scan.counts,
          findings: findings.map((finding) => ({
            name: finding.name,
            description: `${finding.packageName} ${finding.packageVersion} is affected by ${finding.name}.`,
            uri: `https://security-tracker.debian.org/tracker/${finding.name}`,
            severity: finding.severity,
            attributes: [
              { key: "package_name", value: finding.packageName },
              { key: "package_version", value: finding.packageVersion },
            ],
          })),
        },
        ...(offset + size < image.scan.findings.length ? { nextToken: encodeToken({ offset: offset + size }) } : {}),
      };
    },
  },
  GetLifecyclePolicy: {
    quota: { name: "ecr:GetLifecyclePolicy", perSecond: 20 },
    handle(body, context) {
      const input = validateInput(GetLifecyclePolicyInput, body, "InvalidParameterException");
      const repository = openRepository(input.registryId, input.repositoryName, context, "GetLifecyclePolicy");
      const text = context.world.images.lifecyclePolicy(repository.owner);
      if (text === null) {
        throw new AwsError(
          "LifecyclePolicyNotFoundException",
          `Lifecycle policy does not exist for the repository with name '${repository.name}' in the registry with id '${repository.registryId}'`,
        );
      }
      return {
        registryId: repository.registryId,
        repositoryName: repository.name,
        lifecyclePolicyText: text,
        lastEvaluatedAt: repository.owner.createdAt / 1000,
      };
    },
  },
  BatchGetImage: {
    quota: { name: "ecr:BatchGetImage", perSecond: 200 },
    handle(body, context) {
      const input = validateInput(BatchGetImageInput, body, "InvalidParameterException");
      const repository = openRepository(input.registryId, input.repositoryName, context, "BatchGetImage");
      const images: Record<string, unknown>[] = [];
      const failures: Record<string, unknown>[] = [];
      for (const id of input.imageIds) {
        const image = findImage(repository, id);
        if (!id.imageDigest && !id.imageTag)
          failures.push({
            imageId: id,
            failureCode: "MissingDigestAndTag",
            failureReason: "Invalid request: No digest or tag specified",
          });
        else if (!image)
          failures.push({ imageId: id, failureCode: "ImageNotFound", failureReason: "Requested image not found" });
        else {
          images.push({
            registryId: repository.registryId,
            repositoryName: repository.name,
            imageId: { imageDigest: image.digest, ...(id.imageTag ? { imageTag: id.imageTag } : {}) },
            imageManifest: image.manifest,
            imageManifestMediaType: image.mediaType,
          });
        }
      }
      return { images, failures };
    },
  },
};

/**
 * Opens a repository for the caller. Shared-registry repositories grant the consuming
 * function's account (until a grant is revoked); other registries are private.
 */
function openRepository(
  registryId: string | undefined,
  name: string,
  context: CallContext,
  action: string,
): Repository {
  const registry = registryId ?? context.accountId;
  const owner = context.world.images.repositoryOwner(registry, context.region, name);
  const notFound = new AwsError(
    "RepositoryNotFoundException",
    `The repository with name '${name}' does not exist in the registry with id '${registry}'`,
  );
  if (!owner || owner.createdAt > context.world.now()) throw notFound;
  if (registry !== context.accountId) {
    const granted = registry === SHARED_REGISTRY_ACCOUNT_ID && owner.accountId === context.accountId;
    const revoked = owner.imageFate?.kind === "ImageAccessDenied" && owner.imageFate.at <= context.world.now();
    if (!granted || revoked) {
      throw new AwsError(
        "AccessDeniedException",
        `User: ${context.principalArn} is not authorized to perform: ecr:${action} on resource: arn:aws:ecr:${context.region}:${registry}:repository/${name} because no resource-based policy allows the ecr:${action} action`,
      );
    }
  }
  return { owner, registryId: registry, name, images: context.world.images.imagesAt(owner, context.world.now()) };
}

function findImage(repository: Repository, id: ImageId): ImageRecord | undefined {
  return repository.images.find(
    (image) =>
      (id.imageDigest === undefined || image.digest === id.imageDigest) &&
      (id.imageTag === undefined || image.tag === id.imageTag),
  );
}

function requireImage(repository: Repository, id: ImageId): ImageRecord {
  const image = id.imageDigest || id.imageTag ? findImage(repository, id) : undefined;
  if (!image) {
    throw new AwsError(
      "ImageNotFoundException",
      `The image with imageId {${describeId(id)}} does not exist within the repository with name '${repository.name}' in the registry with id '${repository.registryId}'`,
    );
  }
  return image;
}

function describeImage(repository: Repository, image: ImageRecord, context: CallContext): Record<string, unknown> {
  const pulledAt = context.world.lastPullOf(repository.owner, image);
  return {
    registryId: repository.registryId,
    repositoryName: repository.name,
    imageDigest: image.digest,
    imageTags: [image.tag],
    imageSizeInBytes: image.sizeBytes,
    imagePushedAt: image.pushedAt / 1000,
    imageManifestMediaType: image.mediaType,
    artifactMediaType: image.mediaType.includes("oci")
      ? "application/vnd.oci.image.config.v1+json"
      : "application/vnd.docker.container.image.v1+json",
    ...(pulledAt === undefined ? {} : { lastRecordedPullTime: pulledAt / 1000 }),
    ...(image.scan ? scanSummary(image.scan.counts, scanOf(repository, image, context)) : {}),
  };
}

function scanOf(repository: Repository, image: ImageRecord, context: CallContext): ScanState {
  const enhanced = imageHygiene(repository.owner).enhancedScanning;
  return scanState(image, enhanced, context.world.lastPullOf(repository.owner, image), context.world.now());
}

function scanStatus(scan: ScanState): Record<string, string> {
  return {
    status: scan.status,
    description:
      scan.status === "SCAN_ELIGIBILITY_EXPIRED"
        ? "The image is no longer eligible for continuous scanning."
        : "The scan was completed successfully.",
  };
}

function scanSummary(counts: Record<string, number>, scan: ScanState): Record<string, unknown> {
  return {
    imageScanStatus: scanStatus(scan),
    imageScanFindingsSummary: {
      imageScanCompletedAt: scan.completedAt / 1000,
      vulnerabilitySourceUpdatedAt: scan.completedAt / 1000,
      findingSeverityCounts: counts,
    },
  };
}

function tokenOffset(token: string): number {
  const offset = decodeToken(token)?.offset;
  if (typeof offset !== "number")
    throw new AwsError(
      "InvalidParameterException",
      "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid token'",
    );
  return offset;
}

const describeId = (id: ImageId): string =>
  `imageDigest:'${id.imageDigest ?? "null"}', imageTag:'${id.imageTag ?? "null"}'`;
