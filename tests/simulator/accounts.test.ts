import { LambdaClient, paginateListFunctions } from "@aws-sdk/client-lambda";
import { ListAccountsCommand, OrganizationsClient, paginateListAccounts } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, HUB_ACCOUNT_ID, REQUIRED_EXTERNAL_ID, type Simulator, startSimulator } from "@/lib/simulator";
import { assumeReadOnly, clientConfig, EXTERNAL_ID_ACCOUNT, START } from "./support";

describe("accounts, roles and Organizations", () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ functions: 300, seed: 11, startTime: START, speed: 0 });
  });
  afterAll(() => sim.close());

  it("treats base credentials as the hub and assumed-role credentials as the member", async () => {
    const hub = await new STSClient(clientConfig(sim)).send(new GetCallerIdentityCommand({}));
    expect(hub.Account).toBe(HUB_ACCOUNT_ID);
    const member = await new STSClient(clientConfig(sim, "eu-west-1", await assumeReadOnly(sim, "333333333333"))).send(
      new GetCallerIdentityCommand({}),
    );
    expect(member.Account).toBe("333333333333");
    expect(member.Arn).toBe("arn:aws:sts::333333333333:assumed-role/ImageFleetReadOnly/imagefleet-test");
  });

  it("scopes Lambda to the account of the credentials and the region of the request", async () => {
    const credentials = await assumeReadOnly(sim, "333333333333");
    const client = new LambdaClient(clientConfig(sim, "eu-west-1", credentials));
    const arns: string[] = [];
    for await (const page of paginateListFunctions({ client }, {}))
      arns.push(...(page.Functions ?? []).map((fn) => fn.FunctionArn ?? ""));
    const expected = sim.truth.functions({ accountId: "333333333333", region: "eu-west-1" }).map((fn) => fn.arn);
    expect(arns.length).toBeGreaterThan(0);
    expect(arns.sort()).toEqual(expected.sort());
  });

  it("enforces the ExternalId, the role name and the account status", async () => {
    const sts = new STSClient(clientConfig(sim));
    const assume = (accountId: string, role = "ImageFleetReadOnly", ExternalId?: string) =>
      sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${accountId}:role/${role}`,
          RoleSessionName: "check",
          ExternalId,
        }),
      );
    await expect(assume(EXTERNAL_ID_ACCOUNT)).rejects.toMatchObject({
      name: "AccessDenied",
      $metadata: { httpStatusCode: 403 },
    });
    await expect(assume(EXTERNAL_ID_ACCOUNT, "ImageFleetReadOnly", "wrong")).rejects.toMatchObject({
      name: "AccessDenied",
    });
    await expect(assume(EXTERNAL_ID_ACCOUNT, "ImageFleetReadOnly", REQUIRED_EXTERNAL_ID)).resolves.toMatchObject({
      AssumedRoleUser: { Arn: `arn:aws:sts::${EXTERNAL_ID_ACCOUNT}:assumed-role/ImageFleetReadOnly/check` },
    });
    await expect(assume("333333333333", "AdminRole")).rejects.toMatchObject({ name: "AccessDenied" });
    await expect(assume("999999999999")).rejects.toMatchObject({ name: "AccessDenied" });
    await expect(assume("666666666666")).rejects.toMatchObject({ name: "AccessDenied" });
  });

  it("lists every account, suspended ones included, page by page, from the hub only", async () => {
    const client = new OrganizationsClient(clientConfig(sim));
    const listed = [];
    for await (const page of paginateListAccounts({ client, pageSize: 2 }, {})) listed.push(...(page.Accounts ?? []));
    expect(listed.map((account) => account.Id)).toEqual(ACCOUNTS.map((account) => account.id));
    expect(listed.filter((account) => account.Status === "SUSPENDED")).toHaveLength(1);
    const member = new OrganizationsClient(clientConfig(sim, "us-east-1", await assumeReadOnly(sim, "333333333333")));
    await expect(member.send(new ListAccountsCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
  });
});
