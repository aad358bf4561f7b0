// AWS enums are open strings: the SDK adds values over time and we must show what we observe.
// The constants name the values our logic treats specially.

type Open<T extends string> = T | (string & {});

export const PackageType = { Image: "Image", Zip: "Zip" } as const;
export type PackageType = Open<(typeof PackageType)[keyof typeof PackageType]>;

export const FunctionState = {
  Pending: "Pending",
  Active: "Active",
  Inactive: "Inactive",
  Failed: "Failed",
  ActiveNonInvocable: "ActiveNonInvocable",
  Deactivating: "Deactivating",
  Deactivated: "Deactivated",
  Deleting: "Deleting",
} as const;
export type FunctionState = Open<(typeof FunctionState)[keyof typeof FunctionState]>;

export const LastUpdateStatus = { Successful: "Successful", Failed: "Failed", InProgress: "InProgress" } as const;
export type LastUpdateStatus = Open<(typeof LastUpdateStatus)[keyof typeof LastUpdateStatus]>;

/** `StateReasonCode` and `LastUpdateStatusReasonCode` share these values. */
export const StateReasonCode = {
  Idle: "Idle",
  Creating: "Creating",
  Restoring: "Restoring",
  ImageDeleted: "ImageDeleted",
  ImageAccessDenied: "ImageAccessDenied",
  InvalidImage: "InvalidImage",
  InternalError: "InternalError",
  InsufficientRolePermissions: "InsufficientRolePermissions",
  InvalidConfiguration: "InvalidConfiguration",
  EniLimitExceeded: "EniLimitExceeded",
  SubnetOutOfIPAddresses: "SubnetOutOfIPAddresses",
  InvalidSubnet: "InvalidSubnet",
  InvalidSecurityGroup: "InvalidSecurityGroup",
  KMSKeyAccessDenied: "KMSKeyAccessDenied",
  KMSKeyNotFound: "KMSKeyNotFound",
  DisabledKMSKey: "DisabledKMSKey",
  InvalidStateKMSKey: "InvalidStateKMSKey",
  EFSMountConnectivityError: "EFSMountConnectivityError",
  EFSMountFailure: "EFSMountFailure",
  EFSMountTimeout: "EFSMountTimeout",
  EFSIOError: "EFSIOError",
  InvalidRuntime: "InvalidRuntime",
  InvalidZipFileException: "InvalidZipFileException",
} as const;
export type StateReasonCode = Open<(typeof StateReasonCode)[keyof typeof StateReasonCode]>;

export interface FunctionIdentity {
  accountId: string;
  region: string;
  name: string;
}
