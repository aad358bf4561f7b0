import type { AwsClients, AwsScope, Credentials } from "@/lib/aws/clients";
import { assumedRoleCredentials } from "@/lib/aws/credentials";
import { HUB_ACCOUNT_ID, READ_ONLY_ROLE_NAMES, REQUIRED_EXTERNAL_ID } from "@/lib/simulator";

/** Long-term keys: the simulator takes any non-ASIA keys for the hub account. */
export const HUB_CREDENTIALS: Credentials = { accessKeyId: "AKIAIMAGEFLEETBENCH1", secretAccessKey: "bench" };
/** Only this member asks for an ExternalId. */
const EXTERNAL_ID_ACCOUNT = "222222222222";

/**
 * Each account × region reached as the collector does: the hub's own keys, or a role assumed from
 * them (`aws` must be built with HUB_CREDENTIALS).
 */
export function scopesFor(aws: AwsClients, accountIds: readonly string[], regions: readonly string[]): AwsScope[] {
  return accountIds.flatMap((accountId) => {
    const credentials =
      accountId === HUB_ACCOUNT_ID
        ? HUB_CREDENTIALS
        : assumedRoleCredentials(aws.sts({ accountId: "hub", region: regions[0]! }), {
            roleArn: `arn:aws:iam::${accountId}:role/${READ_ONLY_ROLE_NAMES[0]}`,
            externalId: accountId === EXTERNAL_ID_ACCOUNT ? REQUIRED_EXTERNAL_ID : undefined,
          });
    return regions.map((region) => ({ accountId, region, credentials }));
  });
}

export const scopeLabel = (scope: Pick<AwsScope, "accountId" | "region">) => `${scope.accountId}/${scope.region}`;
