import { z } from "zod";
import { findAccount, READ_ONLY_ROLE_NAMES } from "../model/accounts";
import { AwsError } from "../protocols/errors";
import { validateInput } from "../protocols/validation";
import type { Operation } from "./context";
import type { SessionStore } from "./identity";

/** STS (awsQuery): AssumeRole into member accounts and GetCallerIdentity. */
const AssumeRoleInput = z.object({
  RoleArn: z
    .string()
    .regex(/^arn:aws:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/, "Member must be a role ARN"),
  RoleSessionName: z
    .string()
    .regex(/^[\w+=,.@-]{2,64}$/, "Member must satisfy regular expression pattern: [\\w+=,.@-]{2,64}"),
  ExternalId: z.string().min(2).max(1224).optional(),
  DurationSeconds: z.coerce.number().int().min(900).max(43_200).optional(),
});

export function createStsOperations(sessions: SessionStore): Record<string, Operation<URLSearchParams>> {
  return {
    AssumeRole: {
      quota: { name: "sts:AssumeRole", perSecond: 100 },
      handle(params, context) {
        const input = validateInput(AssumeRoleInput, Object.fromEntries(params), "ValidationError");
        const [, accountId = "", roleName = ""] =
          /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(input.RoleArn) ?? [];
        const account = findAccount(accountId);
        const trusted =
          context.isHubPrincipal &&
          account?.status === "ACTIVE" &&
          (READ_ONLY_ROLE_NAMES as readonly string[]).includes(roleName) &&
          (account.requiredExternalId === undefined || account.requiredExternalId === input.ExternalId);
        if (!trusted) {
          throw new AwsError(
            "AccessDenied",
            `User: ${context.principalArn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`,
            403,
          );
        }
        const { credentials, identity } = sessions.issue(
          accountId,
          roleName,
          input.RoleSessionName,
          input.DurationSeconds ?? 3600,
        );
        return {
          Credentials: {
            AccessKeyId: credentials.accessKeyId,
            SecretAccessKey: credentials.secretAccessKey,
            SessionToken: credentials.sessionToken,
            Expiration: credentials.expiration.toISOString(),
          },
          AssumedRoleUser: { AssumedRoleId: identity.userId, Arn: identity.principalArn },
          PackedPolicySize: 6,
        };
      },
    },
    GetCallerIdentity: {
      quota: { name: "sts:GetCallerIdentity", perSecond: 100 },
      handle(_params, context) {
        return { UserId: context.userId, Account: context.accountId, Arn: context.principalArn };
      },
    },
  };
}
