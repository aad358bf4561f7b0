import type { OrganizationAccount } from "@/lib/aws/identity";
import type { ImageFleetConfig } from "@/lib/config/schema";
import type { AccountWrite } from "@/lib/db/writes/accounts";

export interface PlannedAccount extends AccountWrite {
  /** Null: the hub's own account, read with the hub identity itself. */
  roleArn: string | null;
  externalId?: string;
}

/** "arn:aws-cn:iam::…" → "aws-cn": role ARNs are built in the hub's partition. */
function partitionOf(arn: string): string {
  return arn.split(":")[1] || "aws";
}

/**
 * Which accounts to poll and how to get in: configured accounts (their role, or the
 * organisation's role name), then active organisation members not configured, assuming
 * `organization.roleName` in each. With neither, the hub's own account alone.
 */
export function planAccounts(
  config: Pick<ImageFleetConfig, "accounts" | "organization">,
  hub: { accountId: string; arn: string },
  organizationAccounts: readonly OrganizationAccount[] | null,
): PlannedAccount[] {
  const { roleName, externalId: organizationExternalId } = config.organization;
  const defaultRole = (id: string) =>
    id === hub.accountId ? null : `arn:${partitionOf(hub.arn)}:iam::${id}:role/${roleName}`;
  const planned: PlannedAccount[] = config.accounts.map((account) => {
    const roleArn = account.roleArn ?? defaultRole(account.id);
    const externalId = account.roleArn ? account.externalId : (account.externalId ?? organizationExternalId);
    return {
      id: account.id,
      name: account.name,
      source: "config",
      roleArn,
      ...(roleArn && externalId ? { externalId } : {}),
    };
  });
  const configured = new Set(planned.map((account) => account.id));
  for (const member of organizationAccounts ?? []) {
    if (!member.active || configured.has(member.id)) continue;
    const roleArn = defaultRole(member.id);
    planned.push({
      id: member.id,
      name: member.name,
      source: "organization",
      roleArn,
      ...(roleArn && organizationExternalId ? { externalId: organizationExternalId } : {}),
    });
  }
  if (planned.length === 0) planned.push({ id: hub.accountId, name: "hub", source: "hub", roleArn: null });
  return planned;
}
