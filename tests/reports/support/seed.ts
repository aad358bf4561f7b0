// A small fleet around ISO weeks 2026-W48 to W50 (UTC), written straight through Prisma, with
// everything a weekly report reads: state history, deploys, hourly metrics, images and their base
// releases, alerts and poll runs. Each function exists to exercise one part of the report.
import { HOUR_MS } from "@/lib/analysis/time";
import type { Db } from "@/lib/db/client";

export const ACCOUNT = "111111111111";
const REGION = "eu-west-1";
const REPOSITORY = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/app`;
export const W48_START = new Date("2026-11-23T00:00:00Z");
export const W49_START = new Date("2026-11-30T00:00:00Z");
export const W50_START = new Date("2026-12-07T00:00:00Z");

const at = (iso: string) => new Date(iso);
const id = (name: string) => `${ACCOUNT}:${REGION}:${name}`;
const digest = (n: number) => `sha256:${n.toString(16).padStart(64, "0")}`;
export const DIGESTS = { checkoutOld: digest(1), checkoutW49: digest(2), checkoutNow: digest(3), resizer: digest(4) };

interface SeedFunction {
  name: string;
  team: string | null;
  packageType?: "Image" | "Zip";
  runtime?: string;
  firstSeenAt: string;
  deletedAt?: string;
  lastInvokedAt: string | null;
  imageDigest?: string;
  /** [state, from, reasonCode] in order; the last stays open. */
  states: [string, string, string?][];
}

const FUNCTIONS: SeedFunction[] = [
  // Steady traffic, deployed during W49 and again after it.
  {
    name: "checkout",
    team: "payments",
    firstSeenAt: "2026-11-01T00:00:00Z",
    lastInvokedAt: "2026-12-10T11:59:00Z",
    imageDigest: DIGESTS.checkoutNow,
    states: [["Active", "2026-11-01T00:00:00Z"]],
  },
  // Went Inactive (idle) in W49 and recovered on the next invocation.
  {
    name: "report-cron",
    team: "payments",
    firstSeenAt: "2026-10-01T00:00:00Z",
    lastInvokedAt: "2026-12-04T06:00:00Z",
    imageDigest: DIGESTS.checkoutOld,
    states: [
      ["Active", "2026-10-01T00:00:00Z"],
      ["Inactive", "2026-12-03T00:00:00Z", "Idle"],
      ["Pending", "2026-12-04T06:00:00Z", "Restoring"],
      ["Active", "2026-12-04T06:05:00Z"],
    ],
  },
  // Idle since W48: due to go Inactive during W50. Image behind on base, with critical findings.
  {
    name: "image-resizer",
    team: "media",
    firstSeenAt: "2026-10-01T00:00:00Z",
    lastInvokedAt: "2026-11-28T12:30:00Z",
    imageDigest: DIGESTS.resizer,
    states: [["Active", "2026-10-01T00:00:00Z"]],
  },
  // Its stored last invocation is after W49; as of W49's end it was last invoked in W48.
  {
    name: "thumbnailer",
    team: "media",
    firstSeenAt: "2026-10-01T00:00:00Z",
    lastInvokedAt: "2026-12-09T10:30:00Z",
    states: [["Active", "2026-10-01T00:00:00Z"]],
  },
  // Deleted in W49; a Zip function on a deprecated runtime, without an owner tag.
  {
    name: "legacy-zip",
    team: null,
    packageType: "Zip",
    runtime: "python3.8",
    firstSeenAt: "2026-01-01T00:00:00Z",
    deletedAt: "2026-12-05T00:00:00Z",
    lastInvokedAt: null,
    states: [["Active", "2026-01-01T00:00:00Z"]],
  },
  // Created in W49.
  {
    name: "new-api",
    team: "payments",
    firstSeenAt: "2026-12-03T00:00:00Z",
    lastInvokedAt: null,
    states: [
      ["Pending", "2026-12-03T00:00:00Z", "Creating"],
      ["Active", "2026-12-03T00:01:00Z"],
    ],
  },
  // Its image was deleted in W49: Failed, not recovered.
  {
    name: "broken",
    team: "media",
    firstSeenAt: "2026-10-01T00:00:00Z",
    lastInvokedAt: "2026-12-05T11:00:00Z",
    states: [
      ["Active", "2026-10-01T00:00:00Z"],
      ["Failed", "2026-12-05T12:00:00Z", "ImageDeleted"],
    ],
  },
];

const release = (version: string, publishedAt: string) => ({
  runtime: "python3.12",
  repository: "public.ecr.aws/lambda/python:3.12",
  version,
  publishedAt: at(publishedAt),
  layers: JSON.stringify(["os", `runtime-${version}`]),
  source: "file",
});

const image = (digestValue: string, baseVersion: string, critical = 0) => ({
  id: `${ACCOUNT}/app@${digestValue}`,
  registryId: ACCOUNT,
  repository: "app",
  digest: digestValue,
  pushedAt: at("2026-09-01T00:00:00Z"),
  manifestLayers: JSON.stringify(["os", `runtime-${baseVersion}`, `app-${digestValue}`]),
  scanStatus: "COMPLETE",
  findingsCritical: critical,
  checkedAt: at("2026-12-10T00:00:00Z"),
});

const hourly = (name: string, start: Date, invocations: number, coldStarts: number, initP95: number | null) => ({
  functionId: id(name),
  resolution: "1h",
  start,
  invocations,
  coldStarts,
  initAvg: initP95 === null ? null : initP95 / 2,
  initP95,
  initMax: initP95,
});

/** Checkout's traffic per hour: W48 100 invocations and 2 cold starts, W49 and later 100 and 4. */
export function checkoutHour(start: Date) {
  return start < W49_START ? { invocations: 100, coldStarts: 2 } : { invocations: 100, coldStarts: 4 };
}

export async function seedReportFleet(db: Db, now: Date): Promise<void> {
  await db.account.create({ data: { id: ACCOUNT, name: "payments-prod", source: "config" } });
  for (const fn of FUNCTIONS) {
    await db.function.create({
      data: {
        id: id(fn.name),
        accountId: ACCOUNT,
        region: REGION,
        name: fn.name,
        arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${fn.name}`,
        packageType: fn.packageType ?? "Image",
        runtime: fn.runtime ?? null,
        imageUri: fn.imageDigest ? `${REPOSITORY}:latest` : null,
        imageRepository: fn.imageDigest ? REPOSITORY : null,
        imageDigest: fn.imageDigest ?? null,
        codeSha256: "code",
        lastModified: at(fn.firstSeenAt),
        architecture: "x86_64",
        memoryMb: 512,
        timeoutSec: 30,
        ephemeralMb: 512,
        logGroup: `/aws/lambda/${fn.name}`,
        tags: JSON.stringify(fn.team === null ? {} : { team: fn.team }),
        team: fn.team,
        state: fn.states.at(-1)![0],
        firstSeenAt: at(fn.firstSeenAt),
        lastSeenAt: now,
        deletedAt: fn.deletedAt ? at(fn.deletedAt) : null,
        lastInvokedAt: fn.lastInvokedAt ? at(fn.lastInvokedAt) : null,
      },
    });
    await db.stateInterval.createMany({
      data: fn.states.map(([state, from, reasonCode], i) => ({
        functionId: id(fn.name),
        state,
        reasonCode: reasonCode ?? null,
        from: at(from),
        to: i + 1 < fn.states.length ? at(fn.states[i + 1]![1]) : fn.deletedAt ? at(fn.deletedAt) : null,
        lastObservedAt: now,
      })),
    });
  }

  await db.configChange.createMany({
    data: [
      { functionId: id("checkout"), at: at("2026-11-01T00:00:00Z"), kind: "created", imageDigest: DIGESTS.checkoutOld },
      {
        functionId: id("checkout"),
        at: at("2026-12-02T10:00:00Z"),
        kind: "deployed",
        imageDigest: DIGESTS.checkoutW49,
      },
      {
        functionId: id("checkout"),
        at: at("2026-12-08T10:00:00Z"),
        kind: "deployed",
        imageDigest: DIGESTS.checkoutNow,
      },
      { functionId: id("new-api"), at: at("2026-12-03T00:00:00Z"), kind: "created" },
      { functionId: id("legacy-zip"), at: at("2026-12-05T00:00:00Z"), kind: "deleted" },
    ],
  });

  await db.baseImageRelease.createMany({
    data: [
      release("v1", "2026-08-01T00:00:00Z"),
      release("v2", "2026-11-15T00:00:00Z"),
      release("v3", "2026-12-09T00:00:00Z"),
    ],
  });
  await db.image.createMany({
    data: [
      image(DIGESTS.checkoutOld, "v1"),
      image(DIGESTS.checkoutW49, "v2"),
      image(DIGESTS.checkoutNow, "v3"),
      image(DIGESTS.resizer, "v1", 2),
    ],
  });

  const buckets = [];
  for (let t = W48_START.getTime(); t < now.getTime(); t += HOUR_MS) {
    const { invocations, coldStarts } = checkoutHour(new Date(t));
    buckets.push(hourly("checkout", new Date(t), invocations, coldStarts, 1000));
  }
  buckets.push(
    hourly("report-cron", at("2026-12-04T06:00:00Z"), 1, 1, 2000),
    hourly("image-resizer", at("2026-11-28T12:00:00Z"), 3, 1, 900),
    hourly("thumbnailer", at("2026-11-27T08:00:00Z"), 5, 1, 800),
    hourly("thumbnailer", at("2026-12-09T10:00:00Z"), 5, 1, 800),
    hourly("broken", at("2026-12-05T11:00:00Z"), 2, 0, null),
  );
  await db.metricBucket.createMany({ data: buckets });

  await db.alert.createMany({
    data: [
      alert("a-failed", "broken", "critical", "2026-12-05T12:05:00Z", null),
      alert("a-idle", "report-cron", "warning", "2026-12-03T00:10:00Z", "2026-12-04T06:10:00Z"),
    ],
  });

  const runs = [];
  for (let n = 0, t = W48_START.getTime(); t < now.getTime(); n++, t += HOUR_MS) {
    runs.push({
      id: `run-${n}`,
      accountId: ACCOUNT,
      region: REGION,
      trigger: "schedule",
      startedAt: new Date(t + 60_000),
      finishedAt: new Date(t + 120_000),
      status: "ok",
      calls: JSON.stringify({ "lambda:ListFunctions": 2, "lambda:GetFunction": 3 }),
      throttles: n === 200 ? 2 : 0,
      errorCount: n === 200 ? 1 : 0,
    });
  }
  await db.pollRun.createMany({ data: runs });
}

function alert(alertId: string, fn: string, severity: string, openedAt: string, resolvedAt: string | null) {
  return {
    id: alertId,
    fingerprint: `${alertId}-fp`,
    rule: severity === "critical" ? "failed" : "inactive",
    severity,
    state: resolvedAt === null ? "open" : "resolved",
    functionId: id(fn),
    accountId: ACCOUNT,
    region: REGION,
    functionName: fn,
    team: null,
    title: alertId,
    reason: alertId,
    openedAt: at(openedAt),
    updatedAt: at(openedAt),
    resolvedAt: resolvedAt === null ? null : at(resolvedAt),
  };
}
