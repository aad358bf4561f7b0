import { StateReasonCode } from "../types";

const EXPLANATIONS: Readonly<Record<string, string>> = {
  [StateReasonCode.ImageDeleted]: "the deployed image was deleted from ECR; deploy an image that exists",
  [StateReasonCode.ImageAccessDenied]:
    "Lambda can no longer pull the image (ECR repository policy or KMS key); restore access, then update the function",
  [StateReasonCode.InvalidImage]: "Lambda cannot use the image (e.g. wrong architecture or unsupported manifest)",
  [StateReasonCode.InternalError]: "an internal Lambda error; retry the deployment",
  [StateReasonCode.InsufficientRolePermissions]: "the execution role lacks permissions Lambda needs for this setup",
  [StateReasonCode.InvalidConfiguration]: "the function configuration is invalid",
  [StateReasonCode.EniLimitExceeded]: "the account's limit of VPC network interfaces is reached",
  [StateReasonCode.SubnetOutOfIPAddresses]: "the function's subnets have no free IP addresses",
  [StateReasonCode.InvalidSubnet]: "a configured subnet is invalid or gone",
  [StateReasonCode.InvalidSecurityGroup]: "a configured security group is invalid or gone",
  [StateReasonCode.KMSKeyAccessDenied]: "Lambda may not use the function's KMS key",
  [StateReasonCode.KMSKeyNotFound]: "the function's KMS key no longer exists",
  [StateReasonCode.DisabledKMSKey]: "the function's KMS key is disabled",
  [StateReasonCode.InvalidStateKMSKey]: "the function's KMS key is not in a usable state",
  [StateReasonCode.EFSMountConnectivityError]: "the EFS file system cannot be reached",
  [StateReasonCode.EFSMountFailure]: "the EFS file system could not be mounted",
  [StateReasonCode.EFSMountTimeout]: "mounting the EFS file system timed out",
  [StateReasonCode.EFSIOError]: "the EFS file system returned I/O errors",
  [StateReasonCode.InvalidRuntime]: "the configured runtime is invalid",
  [StateReasonCode.InvalidZipFileException]: "the deployment package is not a valid .zip file",
};

/** What a reason code means for the operator; falls back to AWS's own text for codes we do not know. */
export function explainReasonCode(code: string | null, awsReason: string | null): string {
  return (code === null ? undefined : EXPLANATIONS[code]) ?? awsReason ?? "AWS gave no reason";
}
