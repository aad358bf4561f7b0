import {
  GetFunctionCommand,
  GetPolicyCommand,
  LambdaClient,
  ListTagsCommand,
  paginateListFunctions,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, REGIONS, type Simulator, startSimulator } from "@/lib/simulator";
import { assumeReadOnly, clientConfig, START } from "./support";

describe("Lambda on a 20,000-function fleet", () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ functions: 20_000, seed: 7, startTime: START, speed: 0, quotaScale: 0 });
  });
  afterAll(() => sim.close());

  it("pages through every function of every account and region, without state fields", async () => {
    const scopes = ACCOUNTS.filter((account) => account.status === "ACTIVE").flatMap((account) =>
      REGIONS.map((region) => ({ accountId: account.id, region })),
    );
    const listScope = async ({ accountId, region }: { accountId: string; region: string }) => {
      const client = new LambdaClient(clientConfig(sim, region, await assumeReadOnly(sim, accountId)));
      const arns: string[] = [];
      for await (const page of paginateListFunctions({ client, pageSize: 50 }, {})) {
        expect(page.Functions?.length ?? 0).toBeLessThanOrEqual(50);
        for (const fn of page.Functions ?? []) {
          expect(fn).not.toHaveProperty("State");
          expect(fn).not.toHaveProperty("StateReasonCode");
          expect(fn).not.toHaveProperty("LastUpdateStatus");
          expect(fn.FunctionArn).toContain(`:${region}:${accountId}:`);
          arns.push(fn.FunctionArn ?? "");
        }
      }
      return arns;
    };
    // Scopes are listed concurrently, as the collector does; pages within a scope follow NextMarker.
    const listed = (await Promise.all(scopes.map(listScope))).flat();
    const expected = sim.truth.functions().map((fn) => fn.arn);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(expected.sort());
  });

  it("reports State and StateReasonCode through GetFunction exactly as the ground truth has them", async () => {
    const all = sim.truth.functions({ withState: false });
    const unusual = all.filter((fn) => fn.imageFate && fn.imageFate.at <= START).slice(0, 5);
    const sample = [...unusual, ...all.filter((_, index) => index % 400 === 0)];
    const seen = new Set<string>();
    for (const expected of sample) {
      const client = new LambdaClient(
        clientConfig(sim, expected.region, await assumeReadOnly(sim, expected.accountId)),
      );
      const { Configuration, Code, Tags } = await client.send(new GetFunctionCommand({ FunctionName: expected.arn }));
      const truth = sim.truth.stateAt(expected.arn, sim.clock.now());
      expect(Configuration?.State).toBe(truth.state);
      expect(Configuration?.StateReasonCode ?? null).toBe(truth.stateReasonCode);
      expect(Configuration?.LastUpdateStatus).toBe(truth.lastUpdateStatus);
      expect(Configuration?.PackageType).toBe(expected.packageType);
      expect(Tags ?? {}).toEqual(expected.tags);
      if (expected.packageType === "Image") {
        expect(Configuration).not.toHaveProperty("Runtime");
        expect(Configuration).not.toHaveProperty("Handler");
        expect(Code?.RepositoryType).toBe("ECR");
        expect(Code?.ResolvedImageUri).toBe(expected.image?.resolvedImageUri);
        expect(Code?.ImageUri).toBe(expected.image?.imageUri);
      } else {
        expect(Configuration?.Runtime).toBe(expected.runtime);
      }
      seen.add(`${truth.state}/${truth.stateReasonCode ?? ""}`);
    }
    expect(seen).toContain("Failed/ImageDeleted");
    expect(seen).toContain("Active/");
  });

  it("answers unknown functions with ResourceNotFoundException and ListTags by ARN", async () => {
    const client = new LambdaClient(clientConfig(sim));
    await expect(client.send(new GetFunctionCommand({ FunctionName: "no-such-function" }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      $metadata: { httpStatusCode: 404 },
    });
    const hubFunction = sim.truth.functions({ accountId: "111111111111", region: "us-east-1" })[0];
    if (!hubFunction) throw new Error("the hub account has no functions in us-east-1");
    const { Tags } = await client.send(new ListTagsCommand({ Resource: hubFunction.arn }));
    expect(Tags ?? {}).toEqual(hubFunction.tags);
  });

  it("answers operations it does not implement with UnknownOperationException", async () => {
    const client = new LambdaClient(clientConfig(sim));
    await expect(client.send(new GetPolicyCommand({ FunctionName: "x" }))).rejects.toMatchObject({
      name: "UnknownOperationException",
    });
  });
});

describe("Lambda quotas", () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ functions: 60, seed: 3, startTime: START, speed: 0, quotaScale: 0.2 });
  });
  afterAll(() => sim.close());

  it("throttles a GetFunction burst with 429s that the SDK's retries absorb", async () => {
    const functions = sim.truth.functions({ accountId: "111111111111", region: "us-east-1" });
    const names = Array.from({ length: 60 }, (_, index) => functions[index % functions.length]?.name ?? "");
    const client = new LambdaClient({ ...clientConfig(sim), maxAttempts: 10 });
    const answers = await Promise.all(
      names.map((FunctionName) => client.send(new GetFunctionCommand({ FunctionName }))),
    );
    expect(answers.every((answer) => answer.Configuration?.State !== undefined)).toBe(true);
    const counter = sim.truth
      .apiCalls()
      .find((count) => count.operation === "GetFunction" && count.accountId === "111111111111");
    expect(counter?.throttled ?? 0).toBeGreaterThan(0);
    expect((counter?.calls ?? 0) - (counter?.throttled ?? 0)).toBe(60);
  });
});
