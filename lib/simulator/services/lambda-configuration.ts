import { createHash } from "node:crypto";
import { runtimeSpec } from "../model/catalog";
import type { Deploy } from "../model/deploys";
import type { FunctionSpec } from "../model/fleet";
import { hexFrom } from "../model/random";
import { lambdaTimestamp } from "../model/time";
import type { World } from "../model/world";

/**
 * A function's configuration as Lambda returns it at time `at`. ListFunctions leaves out the
 * state fields (and RuntimeVersionConfig); GetFunction includes them.
 */
export function functionConfiguration(
  world: World,
  fn: FunctionSpec,
  at: number,
  withState: boolean,
  version?: { version: string; deploy: Deploy },
): Record<string, unknown> {
  const deploy = version?.deploy ?? world.deploysOf(fn).liveAt(at);
  const image = fn.packageType === "Image";
  const configuration: Record<string, unknown> = {
    FunctionName: fn.name,
    FunctionArn: version ? `${fn.arn}:${version.version}` : fn.arn,
    ...(image ? {} : { Runtime: fn.runtime, Handler: runtimeSpec(fn.runtime).zipHandler }),
    Role: fn.role,
    CodeSize: image ? 0 : fn.codeSizeBytes + (deploy.index % 7) * 1024,
    Description: fn.description,
    Timeout: fn.timeoutSeconds,
    MemorySize: fn.memoryMb,
    LastModified: lambdaTimestamp(deploy.startedAt),
    CodeSha256: codeSha256(world, fn, deploy),
    Version: version?.version ?? "$LATEST",
    TracingConfig: { Mode: "PassThrough" },
    RevisionId: uuid(hexFrom(32, fn.key, deploy.index, 99)),
    PackageType: fn.packageType,
    Architectures: [fn.architecture],
    EphemeralStorage: { Size: fn.ephemeralStorageMb },
    SnapStart: { ApplyOn: "None", OptimizationStatus: "Off" },
    LoggingConfig: {
      LogFormat: fn.logFormat,
      ...(fn.logFormat === "JSON" ? { ApplicationLogLevel: "INFO", SystemLogLevel: "INFO" } : {}),
      LogGroup: fn.logGroup,
    },
  };
  if (image && fn.imageConfig) configuration.ImageConfigResponse = { ImageConfig: fn.imageConfig };
  if (fn.fileSystem)
    configuration.FileSystemConfigs = [{ Arn: fn.fileSystem.arn, LocalMountPath: fn.fileSystem.localMountPath }];
  if (!withState) return configuration;
  const state = world.lifecycleOf(fn).at(at);
  Object.assign(configuration, {
    State: state.state,
    ...(state.stateReason ? { StateReason: state.stateReason, StateReasonCode: state.stateReasonCode } : {}),
    LastUpdateStatus: state.lastUpdateStatus,
    ...(state.lastUpdateStatusReason
      ? {
          LastUpdateStatusReason: state.lastUpdateStatusReason,
          LastUpdateStatusReasonCode: state.lastUpdateStatusReasonCode,
        }
      : {}),
  });
  if (!image)
    configuration.RuntimeVersionConfig = {
      RuntimeVersionArn: `arn:aws:lambda:${fn.region}::runtime:${hexFrom(64, fn.key, 5)}`,
    };
  return configuration;
}

/** GetFunction's `Code`: the image (tag and resolved digest) or a presigned package URL. */
export function functionCode(world: World, fn: FunctionSpec, at: number, version?: Deploy): Record<string, string> {
  const deploy = version ?? world.deploysOf(fn).liveAt(at);
  if (fn.packageType === "Zip" || !fn.repository) {
    const bucket = `awslambda-${fn.region}-tasks`;
    return {
      RepositoryType: "S3",
      Location: `https://${bucket}.s3.${fn.region}.amazonaws.com/snapshots/${fn.accountId}/${fn.name}-${hexFrom(36, fn.key, deploy.index)}?versionId=${hexFrom(32, fn.key, deploy.index, 3)}&X-Amz-Expires=600`,
    };
  }
  const image = world.images.imageFor(fn, deploy);
  const repositoryUri = `${image.registryId}.dkr.ecr.${fn.region}.amazonaws.com/${image.repositoryName}`;
  return {
    RepositoryType: "ECR",
    ImageUri: `${repositoryUri}:${image.tag}`,
    ResolvedImageUri: `${repositoryUri}@${image.digest}`,
  };
}

/** Image functions report the image digest; zip functions the base64 SHA-256 of the package. */
function codeSha256(world: World, fn: FunctionSpec, deploy: Deploy): string {
  if (fn.packageType === "Image") return world.images.imageFor(fn, deploy).digest.slice("sha256:".length);
  return createHash("sha256").update(`${fn.key}:${deploy.index}`).digest("base64");
}

const uuid = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
