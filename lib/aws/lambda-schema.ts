import { z } from "zod";

// The parts of Lambda's FunctionConfiguration we depend on. Enums stay open strings: AWS adds values.
const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
const stringList = z.array(z.string()).optional();

export const functionConfigurationSchema = z
  .object({
    FunctionName: z.string().min(1),
    FunctionArn: z.string().min(1),
    PackageType: z.string().default("Zip"),
    Runtime: optionalText,
    Handler: optionalText,
    CodeSha256: z.string().min(1),
    LastModified: z.string().min(1),
    Architectures: z.array(z.string()).default(["x86_64"]),
    MemorySize: z.number().int().positive(),
    Timeout: z.number().int().positive(),
    EphemeralStorage: z.object({ Size: z.number().int().positive() }).optional(),
    FileSystemConfigs: z.array(z.object({ Arn: z.string(), LocalMountPath: z.string() })).default([]),
    LoggingConfig: z.object({ LogFormat: z.string().optional(), LogGroup: z.string().optional() }).optional(),
    ImageConfigResponse: z
      .object({
        ImageConfig: z
          .object({ EntryPoint: stringList, Command: stringList, WorkingDirectory: z.string().optional() })
          .optional(),
      })
      .optional(),
    State: optionalText,
    StateReason: optionalText,
    StateReasonCode: optionalText,
    LastUpdateStatus: optionalText,
    LastUpdateStatusReason: optionalText,
  })
  .transform((c) => ({
    name: c.FunctionName,
    arn: c.FunctionArn,
    packageType: c.PackageType,
    runtime: c.Runtime,
    handler: c.Handler,
    codeSha256: c.CodeSha256,
    lastModified: c.LastModified,
    architecture: c.Architectures.join(","),
    memoryMb: c.MemorySize,
    timeoutSec: c.Timeout,
    ephemeralMb: c.EphemeralStorage?.Size ?? 512,
    fileSystems: c.FileSystemConfigs.map((fs) => ({ arn: fs.Arn, localMountPath: fs.LocalMountPath })),
    logFormat: c.LoggingConfig?.LogFormat ?? "Text",
    logGroup: c.LoggingConfig?.LogGroup ?? `/aws/lambda/${c.FunctionName}`,
    imageConfig: c.ImageConfigResponse?.ImageConfig ?? null,
    state: c.State,
    stateReason: c.StateReason,
    stateReasonCode: c.StateReasonCode,
    lastUpdateStatus: c.LastUpdateStatus,
    lastUpdateReason: c.LastUpdateStatusReason,
  }));

/**
 * One function as ListFunctions describes it. The state fields are present only when the answer
 * came from GetFunction: ListFunctions omits them (some emulators fill them in; we ignore those).
 */
export type FunctionConfiguration = z.output<typeof functionConfigurationSchema>;

export const getFunctionSchema = z
  .object({
    Configuration: functionConfigurationSchema,
    Code: z.object({ ImageUri: z.string().optional(), ResolvedImageUri: z.string().optional() }).optional(),
    Tags: z.record(z.string(), z.string()).optional(),
  })
  .transform((answer) => ({
    ...answer.Configuration,
    imageUri: answer.Code?.ImageUri ?? null,
    resolvedImageUri: answer.Code?.ResolvedImageUri ?? null,
    tags: answer.Tags ?? {},
  }));

export type GetFunctionResult = z.output<typeof getFunctionSchema>;

export const listFunctionsPageSchema = z.object({
  Functions: z.array(z.unknown()).default([]),
  NextMarker: z.string().nullish(),
});
