// A small, realistic fleet written straight through Prisma: two accounts polled in two regions
// and one that cannot be assumed; image and zip functions in every lifecycle state, with state
// history, hourly metrics, images, deploys, fleet snapshots and poll runs consistent with each other.

import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/analysis/time";
import type { Db } from "@/lib/db/client";

export const PAYMENTS = "111111111111";
export const DATA = "222222222222";
export const LEGACY = "333333333333";
const REGISTRY = (account: string, region: string) => `${account}.dkr.ecr.${region}.amazonaws.com`;
const HISTORY_DAYS = 8;

export interface TrafficPattern {
  invocationsPerHour: number;
  coldStartsPerHour: number;
  initAvg: number;
  initP95: number;
  initMax: number;
  /** Average handler duration; absent: not collected (like a bucket without the Duration metric). */
  durationAvgMs?: number;
}

export interface SeedFunction {
  accountId: string;
  region: string;
  name: string;
  packageType: "Image" | "Zip";
  team: string | null;
  architecture: "x86_64" | "arm64";
  memoryMb: number;
  /** States from oldest to current, each with when it began (days before now). */
  states: { state: string; reasonCode?: string; reason?: string; sinceDays: number }[];
  lastInvokedDaysAgo: number | null;
  deletedDaysAgo?: number;
  image?: {
    repository: string;
    tag: string;
    digest: string;
    pushedDaysAgo: number;
    missing?: boolean;
    critical?: number;
  };
  traffic?: TrafficPattern;
}

const steady = (invocations: number, coldStarts: number, initP95: number): TrafficPattern => ({
  invocationsPerHour: invocations,
  coldStartsPerHour: coldStarts,
  initAvg: Math.round(initP95 * 0.7),
  initP95,
  initMax: Math.round(initP95 * 1.3),
});

const digest = (n: number) => `sha256:${n.toString(16).padStart(64, "0")}`;

export const SEED_FUNCTIONS: SeedFunction[] = [
  {
    accountId: PAYMENTS,
    region: "us-east-1",
    name: "checkout-api",
    packageType: "Image",
    team: "payments",
    architecture: "arm64",
    memoryMb: 1024,
    states: [{ state: "Active", sinceDays: 30 }],
    lastInvokedDaysAgo: 0.02,
    image: { repository: "checkout-api", tag: "v42", digest: digest(1), pushedDaysAgo: 20 },
    traffic: { ...steady(100, 2, 1200), durationAvgMs: 150 },
  },
  {
    accountId: PAYMENTS,
    region: "us-east-1",
    name: "fraud-scorer",
    packageType: "Image",
    team: "payments",
    architecture: "x86_64",
    memoryMb: 3008,
    states: [{ state: "Active", sinceDays: 30 }],
    lastInvokedDaysAgo: 0.02,
    image: { repository: "fraud-scorer", tag: "2025.05", digest: digest(2), pushedDaysAgo: 200, critical: 3 },
    traffic: steady(40, 10, 2500),
  },
  {
    accountId: PAYMENTS,
    region: "us-east-1",
    name: "invoice-renderer",
    packageType: "Image",
    team: "billing",
    architecture: "x86_64",
    memoryMb: 2048,
    states: [
      { state: "Active", sinceDays: 30 },
      { state: "Inactive", reasonCode: "Idle", reason: "The function is inactive.", sinceDays: 2 },
    ],
    lastInvokedDaysAgo: 16,
    image: { repository: "invoice-renderer", tag: "latest", digest: digest(3), pushedDaysAgo: 60 },
  },
  {
    accountId: PAYMENTS,
    region: "us-east-1",
    name: "notify-email",
    packageType: "Zip",
    team: "platform",
    architecture: "arm64",
    memoryMb: 256,
    states: [{ state: "Active", sinceDays: 30 }],
    lastInvokedDaysAgo: 0.02,
    traffic: steady(20, 1, 250),
  },
  {
    accountId: PAYMENTS,
    region: "eu-west-1",
    name: "report-builder",
    packageType: "Image",
    team: "billing",
    architecture: "arm64",
    memoryMb: 1536,
    states: [{ state: "Active", sinceDays: 30 }],
    lastInvokedDaysAgo: 12,
    image: { repository: "report-builder", tag: "v7", digest: digest(4), pushedDaysAgo: 45 },
  },
  {
    accountId: PAYMENTS,
    region: "eu-west-1",
    name: "legacy-worker",
    packageType: "Image",
    team: "platform",
    architecture: "x86_64",
    memoryMb: 512,
    states: [
      { state: "Active", sinceDays: 30 },
      {
        state: "Failed",
        reasonCode: "ImageDeleted",
        reason: "The image was deleted from the repository.",
        sinceDays: 1,
      },
    ],
    lastInvokedDaysAgo: 3,
    image: { repository: "legacy-worker", tag: "old", digest: digest(5), pushedDaysAgo: 400, missing: true },
  },
  {
    accountId: DATA,
    region: "us-east-1",
    name: "etl-loader",
    packageType: "Zip",
    team: "data",
    architecture: "x86_64",
    memoryMb: 512,
    states: [{ state: "Active", sinceDays: 30 }],
    lastInvokedDaysAgo: 0.02,
    traffic: steady(50, 5, 300),
  },
  {
    accountId: DATA,
    region: "us-east-1",
    name: "etl-scheduler",
    packageType: "Zip",
    team: "data",
    architecture: "x86_64",
    memoryMb: 128,
    states: [
      { state: "Active", sinceDays: 30 },
      { state: "Inactive", reasonCode: "Idle", reason: "The function is inactive.", sinceDays: 5 },
    ],
    lastInvokedDaysAgo: 20,
  },
  {
    accountId: DATA,
    region: "eu-west-1",
    name: "feature-store",
    packageType: "Image",
    team: "data",
    architecture: "arm64",
    memoryMb: 4096,
    states: [
      { state: "Active", sinceDays: 30 },
      { state: "Pending", reasonCode: "Creating", reason: "The function is being created.", sinceDays: 0.01 },
    ],
    lastInvokedDaysAgo: 0.02,
    image: { repository: "feature-store", tag: "v3", digest: digest(6), pushedDaysAgo: 0.02 },
    traffic: steady(10, 1, 4000),
  },
  {
    accountId: DATA,
    region: "eu-west-1",
    name: "old-reporter",
    packageType: "Image",
    team: "data",
    architecture: "x86_64",
    memoryMb: 1024,
    states: [{ state: "Active", sinceDays: 30 }],
    lastInvokedDaysAgo: 4,
    deletedDaysAgo: 3,
    image: { repository: "old-reporter", tag: "v1", digest: digest(7), pushedDaysAgo: 90 },
  },
];

export const ACCOUNT_REGIONS = [
  [PAYMENTS, "us-east-1"],
  [PAYMENTS, "eu-west-1"],
  [DATA, "us-east-1"],
  [DATA, "eu-west-1"],
] as const;

export const functionId = (f: Pick<SeedFunction, "accountId" | "region" | "name">) =>
  `${f.accountId}:${f.region}:${f.name}`;
const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** The state a seeded function was in at an instant, or null before it existed / after deletion. */
export function seededStateAt(f: SeedFunction, at: Date, now: Date): string | null {
  if (f.deletedDaysAgo !== undefined && at >= ago(now, f.deletedDaysAgo)) return null;
  let current: string | null = null;
  for (const s of f.states) if (at >= ago(now, s.sinceDays)) current = s.state;
  return current;
}

/** Hours with metrics: the whole history of a function with traffic, up to its last invocation. */
export function trafficHours(f: SeedFunction, now: Date): Date[] {
  if (!f.traffic || f.lastInvokedDaysAgo === null) return [];
  const first = Math.ceil((now.getTime() - HISTORY_DAYS * DAY_MS) / HOUR_MS) * HOUR_MS;
  const last = ago(now, f.lastInvokedDaysAgo).getTime();
  const hours: Date[] = [];
  for (let t = first; t + HOUR_MS <= last; t += HOUR_MS) hours.push(new Date(t));
  return hours;
}

export async function seedFleet(db: Db, now: Date, functions: SeedFunction[] = SEED_FUNCTIONS): Promise<void> {
  await db.account.createMany({
    data: [
      { id: PAYMENTS, name: "payments-prod", source: "config" },
      { id: DATA, name: "data-staging", source: "organization" },
      {
        id: LEGACY,
        name: "legacy",
        source: "config",
        roleArn: `arn:aws:iam::${LEGACY}:role/ImageFleetReader`,
        assumeError: `AccessDenied: User is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${LEGACY}:role/ImageFleetReader`,
        assumeErrorAt: ago(now, 0.01),
      },
    ],
  });

  for (const f of functions) {
    const id = functionId(f);
    const current = f.states.at(-1)!;
    const registry = REGISTRY(f.accountId, f.region);
    await db.function.create({
      data: {
        id,
        accountId: f.accountId,
        region: f.region,
        name: f.name,
        arn: `arn:aws:lambda:${f.region}:${f.accountId}:function:${f.name}`,
        packageType: f.packageType,
        runtime: f.packageType === "Zip" ? "python3.12" : null,
        handler: f.packageType === "Zip" ? "app.handler" : null,
        imageUri: f.image ? `${registry}/${f.image.repository}:${f.image.tag}` : null,
        imageDigest: f.image?.digest ?? null,
        imageRepository: f.image ? `${registry}/${f.image.repository}` : null,
        imageConfig: f.image ? JSON.stringify({ Command: ["app.handler"], WorkingDirectory: "/var/task" }) : null,
        codeSha256: `code-${f.name}`,
        lastModified: ago(now, 30),
        architecture: f.architecture,
        memoryMb: f.memoryMb,
        timeoutSec: 30,
        ephemeralMb: 512,
        logGroup: `/aws/lambda/${f.name}`,
        tags: JSON.stringify(f.team ? { team: f.team } : {}),
        team: f.team,
        state: current.state,
        stateReasonCode: current.reasonCode ?? null,
        stateReason: current.reason ?? null,
        stateReadAt: ago(now, 0.01),
        firstSeenAt: ago(now, 30),
        lastSeenAt: ago(now, f.deletedDaysAgo ?? 0.01),
        deletedAt: f.deletedDaysAgo === undefined ? null : ago(now, f.deletedDaysAgo),
        lastInvokedAt: f.lastInvokedDaysAgo === null ? null : ago(now, f.lastInvokedDaysAgo),
        metricsThrough: new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS),
        coldStartsThrough: new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS),
      },
    });
    await db.stateInterval.createMany({
      data: f.states.map((s, i) => ({
        functionId: id,
        state: s.state,
        reasonCode: s.reasonCode ?? null,
        reason: s.reason ?? null,
        from: ago(now, s.sinceDays),
        to: i + 1 < f.states.length ? ago(now, f.states[i + 1]!.sinceDays) : null,
        lastObservedAt: ago(now, 0.01),
      })),
    });
    await db.configChange.createMany({
      data: [
        {
          functionId: id,
          at: ago(now, 30),
          kind: "created",
          codeSha256: `code-${f.name}`,
          imageDigest: f.image?.digest,
        },
        ...(f.states.some((s) => s.state === "Pending")
          ? [
              {
                functionId: id,
                at: ago(now, 0.01),
                kind: "deployed",
                imageDigest: f.image?.digest,
                details: '{"imageUri":"changed"}',
              },
            ]
          : []),
      ],
    });
    if (f.image) {
      await db.image.create({
        data: {
          id: `${f.accountId}/${f.image.repository}@${f.image.digest}`,
          registryId: f.accountId,
          repository: f.image.repository,
          digest: f.image.digest,
          tags: JSON.stringify([f.image.tag]),
          pushedAt: ago(now, f.image.pushedDaysAgo),
          sizeBytes: 250 * 1024 * 1024,
          scanStatus: "COMPLETE",
          findingsCritical: f.image.critical ?? 0,
          findingsHigh: 1,
          missingAt: f.image.missing ? ago(now, 1) : null,
          checkedAt: ago(now, 0.01),
        },
      });
    }
    const traffic = f.traffic;
    if (traffic) {
      await db.metricBucket.createMany({
        data: trafficHours(f, now).map((start) => ({
          functionId: id,
          resolution: "1h",
          start,
          invocations: traffic.invocationsPerHour,
          errors: 1,
          throttles: 0,
          coldStarts: traffic.coldStartsPerHour,
          durationAvg: traffic.durationAvgMs ?? null,
          initAvg: traffic.initAvg,
          initP95: traffic.initP95,
          initMax: traffic.initMax,
        })),
      });
    }
  }

  // Hourly polls at five past, and the last one a minute ago (after every seeded transition).
  const pollTimes: Date[] = [];
  for (let t = Math.floor((now.getTime() - HISTORY_DAYS * DAY_MS) / HOUR_MS) * HOUR_MS; ; t += HOUR_MS) {
    const at = new Date(t + 5 * MINUTE_MS);
    if (at.getTime() >= now.getTime() - MINUTE_MS) break;
    pollTimes.push(at);
  }
  pollTimes.push(new Date(now.getTime() - MINUTE_MS));
  const snapshots = [];
  for (const at of pollTimes) {
    for (const [accountId, region] of ACCOUNT_REGIONS) {
      const counts = new Map<string, number>();
      for (const f of functions.filter((g) => g.accountId === accountId && g.region === region)) {
        const state = seededStateAt(f, at, now);
        if (state) counts.set(`${f.packageType}/${state}`, (counts.get(`${f.packageType}/${state}`) ?? 0) + 1);
      }
      for (const [key, count] of counts) {
        const [packageType, state] = key.split("/") as [string, string];
        snapshots.push({ at, accountId, region, packageType, state, count });
      }
    }
  }
  await db.fleetSnapshot.createMany({ data: snapshots });

  await db.pollRun.createMany({
    data: [
      ...ACCOUNT_REGIONS.map(([accountId, region], i) => ({
        id: `run-${accountId}-${region}`,
        accountId,
        region,
        trigger: "schedule",
        startedAt: ago(now, 0.004),
        finishedAt: new Date(ago(now, 0.004).getTime() + (i + 2) * 1000),
        status: i === 3 ? "partial" : "ok",
        functionsSeen: functions.filter(
          (f) => f.accountId === accountId && f.region === region && f.deletedDaysAgo === undefined,
        ).length,
        statesRead: 2,
        calls: JSON.stringify({ "lambda:ListFunctions": 1, "lambda:GetFunction": 2, "cloudwatch:GetMetricData": 1 }),
        throttles: i === 3 ? 4 : 0,
        errorCount: i === 3 ? 1 : 0,
        errors: JSON.stringify(
          i === 3 ? [{ api: "logs:StartQuery", code: "ThrottlingException", message: "Rate exceeded" }] : [],
        ),
      })),
      {
        id: `run-${LEGACY}-us-east-1`,
        accountId: LEGACY,
        region: "us-east-1",
        trigger: "schedule",
        startedAt: ago(now, 0.01),
        finishedAt: ago(now, 0.01),
        status: "failed",
        calls: JSON.stringify({ "sts:AssumeRole": 1 }),
        errorCount: 1,
        errors: JSON.stringify([{ api: "sts:AssumeRole", code: "AccessDenied", message: "not authorized" }]),
      },
    ],
  });
}
