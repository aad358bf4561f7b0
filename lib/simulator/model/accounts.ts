/** The organisation the simulator pretends to be: who exists, where, and how to get in. */

export const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"] as const;
export type Region = (typeof REGIONS)[number];

export const ORGANIZATION_ID = "o-im4gefl33t";
export const HUB_ACCOUNT_ID = "111111111111";
export const SHARED_REGISTRY_ACCOUNT_ID = "444444444444";
/** Roles every member trusts the hub to assume. */
export const READ_ONLY_ROLE_NAMES = ["ImageFleetReadOnly", "OrganizationAccountAccessRole"] as const;
export const REQUIRED_EXTERNAL_ID = "imagefleet-demo-external-id";
/** The hub's own identity when it calls with long-term (non-ASIA) credentials. */
export const HUB_PRINCIPAL_ARN = `arn:aws:iam::${HUB_ACCOUNT_ID}:user/imagefleet`;

export interface Account {
  id: string;
  name: string;
  email: string;
  status: "ACTIVE" | "SUSPENDED";
  joinedMethod: "CREATED" | "INVITED";
  /** Days before the simulated start at which the account joined the organisation. */
  joinedDaysAgo: number;
  regions: readonly Region[];
  /** Relative share of the fleet's functions. */
  fleetShare: number;
  requiredExternalId?: string;
  /** Left out of the static account list a collector is configured with; found via ListAccounts. */
  discoveredThroughOrganizations?: boolean;
}

export const ACCOUNTS: readonly Account[] = [
  {
    id: HUB_ACCOUNT_ID,
    name: "acme-management",
    email: "aws-management@acme.example",
    status: "ACTIVE",
    joinedMethod: "CREATED",
    joinedDaysAgo: 1400,
    regions: ["us-east-1"],
    fleetShare: 0.06,
  },
  {
    id: "222222222222",
    name: "acme-payments-prod",
    email: "aws-payments-prod@acme.example",
    status: "ACTIVE",
    joinedMethod: "CREATED",
    joinedDaysAgo: 1200,
    regions: ["us-east-1", "eu-west-1"],
    fleetShare: 0.3,
    requiredExternalId: REQUIRED_EXTERNAL_ID,
  },
  {
    id: "333333333333",
    name: "acme-analytics-prod",
    email: "aws-analytics-prod@acme.example",
    status: "ACTIVE",
    joinedMethod: "CREATED",
    joinedDaysAgo: 900,
    regions: ["eu-west-1", "us-east-1", "ap-southeast-2"],
    fleetShare: 0.3,
  },
  {
    id: SHARED_REGISTRY_ACCOUNT_ID,
    name: "acme-shared-services",
    email: "aws-shared-services@acme.example",
    status: "ACTIVE",
    joinedMethod: "CREATED",
    joinedDaysAgo: 1300,
    regions: ["us-east-1", "eu-west-1", "ap-southeast-2"],
    fleetShare: 0.12,
  },
  {
    id: "555555555555",
    name: "acme-legacy-apps",
    email: "aws-legacy@acme.example",
    status: "ACTIVE",
    joinedMethod: "INVITED",
    joinedDaysAgo: 400,
    regions: ["ap-southeast-2", "us-east-1"],
    fleetShare: 0.22,
    discoveredThroughOrganizations: true,
  },
  {
    id: "666666666666",
    name: "acme-sandbox-closed",
    email: "aws-sandbox@acme.example",
    status: "SUSPENDED",
    joinedMethod: "CREATED",
    joinedDaysAgo: 700,
    regions: [],
    fleetShare: 0,
  },
];

export function findAccount(id: string): Account | undefined {
  return ACCOUNTS.find((account) => account.id === id);
}
