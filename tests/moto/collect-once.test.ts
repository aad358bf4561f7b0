// `npm run collect -- --once` against moto, an AWS emulator written by others: the collector must
// work there unchanged, within moto's limits (every function Active, no Insights aggregation, no
// percentile statistics).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import { db } from "@/lib/db/client";
import { type Moto, startMoto } from "../support/moto";
import { buildMotoFleet, EXTERNAL_ID, HUB_KEYS, LAYERS, type MotoFleet, REGION, ROLE_NAME } from "./fleet";

let moto: Moto;
let fleet: MotoFleet;
let run: { stdout: string; stderr: string };
const now = new Date();

beforeAll(async () => {
  moto = await startMoto();
  fleet = await buildMotoFleet(moto.url, now);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-moto-"));
  const configFile = path.join(dir, "imagefleet.config.json");
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      regions: [REGION],
      accounts: [
        { id: fleet.hubAccountId, name: "management" },
        ...fleet.members.map((member) => ({
          id: member.id,
          name: member.name,
          roleArn: `arn:aws:iam::${member.id}:role/${ROLE_NAME}`,
          externalId: EXTERNAL_ID,
        })),
      ],
    }),
  );
  run = await promisify(execFile)("npm", ["run", "--silent", "collect", "--", "--once"], {
    env: {
      ...process.env,
      AWS_ENDPOINT_URL: moto.url,
      AWS_ACCESS_KEY_ID: HUB_KEYS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: HUB_KEYS.secretAccessKey,
      AWS_REGION: REGION,
      IMAGEFLEET_CONFIG: configFile,
      LOG_LEVEL: "warn",
    },
    timeout: 150_000,
  });
});

afterAll(async () => {
  await moto?.stop();
});

const fn = (name: string) => db.function.findFirstOrThrow({ where: { name } });

describe("npm run collect -- --once against moto", () => {
  it("exits 0 and prints one line per account × region", () => {
    for (const id of [fleet.hubAccountId, ...fleet.members.map((m) => m.id)]) {
      expect(run.stdout).toMatch(new RegExp(`^${id}\\s+${REGION}\\s+ok\\b`, "m"));
    }
  });

  it("stores the accounts and an ok poll run for each, with calls counted per API", async () => {
    const accounts = await db.account.findMany({ orderBy: { name: "asc" } });
    expect(accounts.map((a) => [a.name, a.source, a.assumeError])).toEqual([
      ["management", "config", null],
      ["payments", "config", null],
      ["reporting", "config", null],
    ]);
    const runs = await db.pollRun.findMany();
    expect(runs.map((r) => r.status)).toEqual(["ok", "ok", "ok"]);
    const payments = runs.find((r) => r.accountId === fleet.members[0]!.id)!;
    expect(JSON.parse(payments.calls)).toMatchObject({ "lambda:ListFunctions": 1, "lambda:GetFunction": 2 });
    expect(payments.functionsSeen).toBe(2);
  });

  it("collects image and zip functions with their deployed digest and tags", async () => {
    const orders = await fn("orders-api");
    expect(orders).toMatchObject({
      accountId: fleet.members[0]!.id,
      packageType: "Image",
      state: "Active",
      imageDigest: fleet.ordersDigest,
      imageRepository: `${fleet.members[0]!.id}.dkr.ecr.${REGION}.amazonaws.com/orders`,
      team: "payments",
      logGroup: "/aws/lambda/orders-api",
    });
    expect(await fn("ledger-cron")).toMatchObject({
      packageType: "Zip",
      runtime: "python3.12",
      state: "Active",
      team: "finance",
    });
    const intervals = await db.stateInterval.findMany();
    expect(intervals).toHaveLength(4);
    expect(await db.configChange.count({ where: { kind: "created" } })).toBe(4);
  });

  it("describes images, with manifest layers, and marks a deleted one missing", async () => {
    const orders = await db.image.findFirstOrThrow({ where: { digest: fleet.ordersDigest } });
    expect(JSON.parse(orders.manifestLayers)).toEqual(LAYERS);
    expect(orders).toMatchObject({ repository: "orders", registryId: fleet.members[0]!.id, missingAt: null });
    expect(orders.pushedAt).not.toBeNull();
    const deleted = await db.image.findFirstOrThrow({ where: { digest: fleet.deletedDigest } });
    expect(deleted.missingAt).not.toBeNull();
  });

  it("reads metrics without percentiles, last invocation and cold starts from REPORT lines", async () => {
    const orders = await fn("orders-api");
    const hour = new Date(Math.floor(fleet.invokedAt.getTime() / HOUR_MS) * HOUR_MS);
    const bucket = await db.metricBucket.findUniqueOrThrow({
      where: { functionId_resolution_start: { functionId: orders.id, resolution: "1h", start: hour } },
    });
    expect(bucket).toMatchObject({
      invocations: 5,
      errors: 1,
      durationAvg: 120,
      durationP95: null,
      coldStarts: 2,
      initAvg: 275.5,
      initMax: 300.5,
    });
    expect(orders.lastInvokedAt!.getTime()).toBeLessThanOrEqual(fleet.invokedAt.getTime());
    expect(fleet.invokedAt.getTime() - orders.lastInvokedAt!.getTime()).toBeLessThan(5 * 60_000);
    expect(orders.coldStartsThrough).not.toBeNull();
    expect((await fn("ledger-cron")).lastInvokedAt).toBeNull();
  });

  it("backfills a week of cold starts (text and JSON REPORT lines) and 30 days of invocations on first sight", async () => {
    const orders = await fn("orders-api");
    const sevenDays = now.getTime() - 7 * DAY_MS;
    const thirtyDays = now.getTime() - 30 * DAY_MS;
    // Coverage starts at the hour the collector's own clock put 7 and 30 days back.
    for (const [covered, back] of [
      [orders.coldStartsCoveredFrom, sevenDays],
      [orders.metricsCoveredFrom, thirtyDays],
    ] as const) {
      expect(covered!.getTime()).toBeGreaterThan(back - HOUR_MS);
      expect(covered!.getTime()).toBeLessThanOrEqual(back + 5 * 60_000);
    }
    const sum = async (column: "coldStarts" | "invocations", from: Date) =>
      (
        await db.metricBucket.aggregate({
          _sum: { [column]: true },
          where: { functionId: orders.id, resolution: "1h", start: { gte: from } },
        })
      )._sum as Record<string, number | null>;
    const coldStarts = (await sum("coldStarts", orders.coldStartsCoveredFrom!)).coldStarts;
    const truthColdStarts = fleet.history.coldStarts.filter((at) => at >= orders.coldStartsCoveredFrom!).length + 2;
    expect(fleet.history.coldStarts.length + 2).toBeGreaterThan(truthColdStarts); // one lies beyond the week
    expect(coldStarts).toBe(truthColdStarts);
    const invocations = (await sum("invocations", orders.metricsCoveredFrom!)).invocations;
    const inWindow = fleet.history.invocations.filter((p) => p.at >= orders.metricsCoveredFrom!);
    expect(inWindow.length).toBeLessThan(fleet.history.invocations.length); // one lies beyond 30 days
    expect(invocations).toBe(inWindow.reduce((n, p) => n + p.count, 0) + 5);
    expect(run.stdout).toMatch(/history backfill: complete in 2 of 2 scopes/);
  });
});

describe("versions, aliases and lifecycle policies through moto", () => {
  it("stores each version's digest and the alias's weighted routing", async () => {
    const billing = await fn("billing-api");
    expect(billing.imageDigest).toBe(fleet.billing.secondDigest);
    const versions = await db.functionVersion.findMany({
      where: { functionId: billing.id },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => [v.version, v.imageDigest])).toEqual([
      ["1", fleet.billing.firstDigest],
      ["2", fleet.billing.secondDigest],
    ]);
    const aliases = await db.functionAlias.findMany({ where: { functionId: billing.id } });
    expect(aliases.map((a) => [a.name, a.functionVersion, a.additionalVersion, a.additionalWeight])).toEqual([
      ["live", "2", "1", 0.1],
    ]);
  });

  it("evaluates the repository's lifecycle policy for every digest a version or alias runs", async () => {
    const verdict = async (digest: string) =>
      JSON.parse((await db.image.findFirstOrThrow({ where: { repository: "billing", digest } })).lifecycle!);
    expect(await verdict(fleet.billing.firstDigest)).toMatchObject({
      status: "expires",
      rulePriority: 1,
      pushesLeft: 0,
    });
    expect(await verdict(fleet.billing.secondDigest)).toMatchObject({
      status: "expires",
      rulePriority: 1,
      pushesLeft: 1,
    });
    const orders = await db.image.findFirstOrThrow({ where: { digest: fleet.ordersDigest } });
    expect(JSON.parse(orders.lifecycle!)).toEqual({ status: "no-policy" });
  });
});
