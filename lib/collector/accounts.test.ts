import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { planAccounts } from "./accounts";

const hub = { accountId: "111111111111", arn: "arn:aws:iam::111111111111:user/collector" };

describe("planAccounts", () => {
  it("polls the hub's own account alone when nothing is configured", () => {
    expect(planAccounts(configSchema.parse({}), hub, null)).toEqual([
      { id: "111111111111", name: "hub", source: "hub", roleArn: null },
    ]);
  });

  it("assumes the configured role, or the organisation's role name, and reads the hub's account directly", () => {
    const config = configSchema.parse({
      accounts: [
        { id: "111111111111", name: "management" },
        { id: "222222222222", name: "payments", roleArn: "arn:aws:iam::222222222222:role/Custom", externalId: "ext-1" },
        { id: "333333333333", name: "analytics" },
      ],
      organization: { roleName: "Reader", externalId: "org-ext" },
    });
    expect(planAccounts(config, hub, null)).toEqual([
      { id: "111111111111", name: "management", source: "config", roleArn: null },
      {
        id: "222222222222",
        name: "payments",
        source: "config",
        roleArn: "arn:aws:iam::222222222222:role/Custom",
        externalId: "ext-1",
      },
      {
        id: "333333333333",
        name: "analytics",
        source: "config",
        roleArn: "arn:aws:iam::333333333333:role/Reader",
        externalId: "org-ext",
      },
    ]);
  });

  it("adds active organisation members not configured, in the hub's partition", () => {
    const config = configSchema.parse({
      accounts: [{ id: "222222222222", name: "payments" }],
      organization: { discover: true, roleName: "Reader" },
    });
    const chinaHub = { accountId: "111111111111", arn: "arn:aws-cn:iam::111111111111:user/collector" };
    const members = [
      { id: "111111111111", name: "management", active: true },
      { id: "222222222222", name: "renamed", active: true },
      { id: "444444444444", name: "closed", active: false },
      { id: "555555555555", name: "legacy", active: true },
    ];
    expect(planAccounts(config, chinaHub, members).map((a) => [a.id, a.name, a.source, a.roleArn])).toEqual([
      ["222222222222", "payments", "config", "arn:aws-cn:iam::222222222222:role/Reader"],
      ["111111111111", "management", "organization", null],
      ["555555555555", "legacy", "organization", "arn:aws-cn:iam::555555555555:role/Reader"],
    ]);
  });
});
