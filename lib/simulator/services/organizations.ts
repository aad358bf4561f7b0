import { z } from "zod";
import { ACCOUNTS, HUB_ACCOUNT_ID, ORGANIZATION_ID } from "../model/accounts";
import { DAY } from "../model/time";
import { AwsError } from "../protocols/errors";
import { validateInput } from "../protocols/validation";
import { decodeToken, encodeToken, type Operation } from "./context";

/** Organizations ListAccounts: the management (hub) account lists every member, suspended ones too. */
const ListAccountsInput = z.object({
  NextToken: z.string().optional(),
  MaxResults: z.number().int().min(1).max(20).optional(),
});

export const organizationsOperations: Record<string, Operation<Record<string, unknown>>> = {
  ListAccounts: {
    quota: { name: "organizations:ListAccounts", perSecond: 10 },
    handle(body, context) {
      const input = validateInput(ListAccountsInput, body, "InvalidInputException");
      if (context.accountId !== HUB_ACCOUNT_ID) {
        throw new AwsError("AccessDeniedException", "You don't have permissions to access this resource.");
      }
      const offset = input.NextToken === undefined ? 0 : decodeToken(input.NextToken)?.offset;
      if (typeof offset !== "number")
        throw new AwsError("InvalidInputException", "You provided an invalid value for NextToken.");
      const size = input.MaxResults ?? 20;
      const start = context.world.fleet.start;
      const page = ACCOUNTS.slice(offset, offset + size).map((account) => ({
        Id: account.id,
        Arn: `arn:aws:organizations::${HUB_ACCOUNT_ID}:account/${ORGANIZATION_ID}/${account.id}`,
        Email: account.email,
        Name: account.name,
        Status: account.status,
        State: account.status,
        JoinedMethod: account.joinedMethod,
        JoinedTimestamp: Math.floor((start - account.joinedDaysAgo * DAY) / 1000),
      }));
      return {
        Accounts: page,
        ...(offset + size < ACCOUNTS.length ? { NextToken: encodeToken({ offset: offset + size }) } : {}),
      };
    },
  },
};
