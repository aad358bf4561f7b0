import { BatchGetImageCommand, DescribeImagesCommand, ECRClient, ListImagesCommand } from "@aws-sdk/client-ecr";
import { GetFunctionCommand, LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "@/lib/simulator";
import { assumeReadOnly, clientConfig, START } from "./support";

const MINUTE = 60_000;

describe("images and lifecycle", () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ functions: 500, seed: 7, startTime: START, speed: 0 });
  });
  afterAll(() => sim.close());

  const clientsFor = async (accountId: string, region: string) => {
    const config = clientConfig(sim, region, await assumeReadOnly(sim, accountId));
    return { ecr: new ECRClient(config), lambda: new LambdaClient(config) };
  };

  it("describes deployed images and serves manifests whose layers start with the base release's layers", async () => {
    const images = sim.truth.functions({ packageType: "Image" }).filter((fn) => fn.image && !fn.imageFate);
    for (const fn of images.slice(0, 8)) {
      const image = fn.image;
      if (!image) continue;
      const { ecr } = await clientsFor(fn.accountId, fn.region);
      const repository = { registryId: image.registryId, repositoryName: image.repositoryName };
      const { imageDetails } = await ecr.send(
        new DescribeImagesCommand({ ...repository, imageIds: [{ imageDigest: image.digest }] }),
      );
      expect(imageDetails?.[0]).toMatchObject({
        imageDigest: image.digest,
        imageTags: [image.tag],
        imageSizeInBytes: image.sizeBytes,
        imagePushedAt: image.pushedAt,
      });
      const { images: manifests, failures } = await ecr.send(
        new BatchGetImageCommand({ ...repository, imageIds: [{ imageDigest: image.digest }] }),
      );
      expect(failures).toEqual([]);
      const layers = (JSON.parse(manifests?.[0]?.imageManifest ?? "{}") as { layers: { digest: string }[] }).layers.map(
        (layer) => layer.digest,
      );
      expect(layers.slice(0, image.baseLayerDigests.length)).toEqual(image.baseLayerDigests);
      const release = sim.truth
        .baseImageCatalog()
        .find((runtime) => runtime.runtime === image.baseRuntime)
        ?.releases.find((candidate) => candidate.releaseTag === image.baseReleaseTag);
      expect(release?.layerDigests).toEqual(image.baseLayerDigests);
    }
  });

  it("turns a function Failed (ImageDeleted) when its image is deleted, and ECR no longer finds the image", async () => {
    const [deleted] = sim.truth.deletedImages();
    if (!deleted) throw new Error("the fleet has no deleted image yet");
    const fn = sim.truth.function(deleted.functionArn);
    if (!fn) throw new Error("deleted image without function");
    const { ecr, lambda } = await clientsFor(fn.accountId, fn.region);
    const { Configuration } = await lambda.send(new GetFunctionCommand({ FunctionName: fn.name }));
    expect(Configuration).toMatchObject({ State: "Failed", StateReasonCode: "ImageDeleted" });
    await expect(
      ecr.send(
        new DescribeImagesCommand({
          registryId: deleted.registryId,
          repositoryName: deleted.repositoryName,
          imageIds: [{ imageDigest: deleted.digest }],
        }),
      ),
    ).rejects.toMatchObject({ name: "ImageNotFoundException" });
    const transition = sim.truth.transitions(fn.arn).find((candidate) => candidate.to === "Failed");
    expect(transition?.at.getTime()).toBe(deleted.deletedAt.getTime());
  });

  it("makes an idle image function Inactive exactly at the idle threshold", async () => {
    const now = sim.clock.now();
    const candidate = sim.truth
      .functions({ packageType: "Image", withState: true })
      .filter((fn) => fn.state?.state === "Active")
      .map((fn) => ({ fn, next: sim.truth.nextTransition(fn.arn, now, 30) }))
      .find(({ next }) => next?.to === "Inactive");
    if (!candidate?.next) throw new Error("no image function goes idle within 30 days");
    const { fn, next } = candidate;
    const { lambda } = await clientsFor(fn.accountId, fn.region);
    const stateAt = async (time: number) => {
      sim.clock.set(time);
      return (await lambda.send(new GetFunctionCommand({ FunctionName: fn.name }))).Configuration;
    };
    try {
      expect((await stateAt(next.at.getTime() - MINUTE))?.State).toBe("Active");
      expect(await stateAt(next.at.getTime() + MINUTE)).toMatchObject({ State: "Inactive", StateReasonCode: "Idle" });
    } finally {
      sim.clock.set(now);
    }
  });

  it("restores an inactive function on its next invocation, which fails", async () => {
    const now = sim.clock.now();
    const restored = sim.truth
      .functions({ packageType: "Image" })
      .map((fn) => ({
        fn,
        wake: sim.truth.transitions(fn.arn).find((transition) => transition.cause === "invokedWhileInactive"),
      }))
      .find(({ wake }) => wake !== undefined);
    if (!restored?.wake) throw new Error("no inactive function was invoked during the history");
    const { fn, wake } = restored;
    expect(wake).toMatchObject({ from: "Inactive", to: "Pending", stateReasonCode: "Restoring" });
    const wakeMinute = wake.at.getTime() - (wake.at.getTime() % MINUTE);
    expect(sim.truth.activity(fn.arn, wakeMinute, wakeMinute + MINUTE).failedInvocations).toBeGreaterThan(0);
    const { lambda } = await clientsFor(fn.accountId, fn.region);
    try {
      sim.clock.set(wake.at.getTime() + 1000);
      const { Configuration } = await lambda.send(new GetFunctionCommand({ FunctionName: fn.name }));
      expect(Configuration).toMatchObject({ State: "Pending", StateReasonCode: "Restoring" });
    } finally {
      sim.clock.set(now);
    }
    expect(sim.truth.nextTransition(fn.arn, wake.at)).toMatchObject({
      from: "Pending",
      to: "Active",
      cause: "restored",
    });
  });

  it("answers ECR operations it does not implement with UnknownOperationException", async () => {
    const ecr = new ECRClient(clientConfig(sim));
    await expect(ecr.send(new ListImagesCommand({ repositoryName: "anything" }))).rejects.toMatchObject({
      name: "UnknownOperationException",
    });
  });
});

describe("determinism", () => {
  it("builds the same fleet from the same seed and a different one from another seed", async () => {
    const [first, second, other] = await Promise.all([
      startSimulator({ functions: 200, seed: 42, startTime: START, speed: 0 }),
      startSimulator({ functions: 200, seed: 42, startTime: START, speed: 0 }),
      startSimulator({ functions: 200, seed: 43, startTime: START, speed: 0 }),
    ]);
    try {
      const snapshot = async (sim: Simulator) => {
        const page = await new LambdaClient(clientConfig(sim)).send(new ListFunctionsCommand({}));
        return {
          truth: JSON.stringify(sim.truth.functions({ withState: true })),
          page: JSON.stringify(page.Functions),
        };
      };
      const [a, b, c] = await Promise.all([snapshot(first), snapshot(second), snapshot(other)]);
      expect(a).toEqual(b);
      expect(c.truth).not.toEqual(a.truth);
    } finally {
      await Promise.all([first.close(), second.close(), other.close()]);
    }
  });
});
