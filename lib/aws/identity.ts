import { ListAccountsCommand, type OrganizationsClient } from "@aws-sdk/client-organizations";
import { GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";
import { z } from "zod";

const callerIdentity = z.object({ Account: z.string().regex(/^\d{12}$/), Arn: z.string() });

export interface CallerIdentity {
  accountId: string;
  arn: string;
}

export async function getCallerIdentity(sts: STSClient, signal?: AbortSignal): Promise<CallerIdentity> {
  const answer = callerIdentity.parse(await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal }));
  return { accountId: answer.Account, arn: answer.Arn };
}

const listAccountsPage = z.object({
  Accounts: z
    .array(
      z.object({
        Id: z.string().regex(/^\d{12}$/),
        Name: z.string().optional(),
        // `State` replaces the deprecated `Status`; endpoints may send either.
        State: z.string().optional(),
        Status: z.string().optional(),
      }),
    )
    .default([]),
  NextToken: z.string().optional(),
});

export interface OrganizationAccount {
  id: string;
  name: string;
  active: boolean;
}

/** Every account of the organisation (management or delegated-admin account only). */
export async function listOrganizationAccounts(
  organizations: OrganizationsClient,
  signal?: AbortSignal,
): Promise<OrganizationAccount[]> {
  const accounts: OrganizationAccount[] = [];
  let token: string | undefined;
  do {
    const page = listAccountsPage.parse(
      await organizations.send(new ListAccountsCommand({ NextToken: token }), { abortSignal: signal }),
    );
    for (const account of page.Accounts) {
      accounts.push({
        id: account.Id,
        name: account.Name ?? account.Id,
        active: (account.State ?? account.Status) === "ACTIVE",
      });
    }
    token = page.NextToken;
  } while (token);
  return accounts;
}
