// A deterministic synthetic fleet shaped like what the collector stores after `days` of 5-minute
// polls: invocation patterns in the simulator's proportions decide which hours and 5-minute
// periods have a bucket (CloudWatch omits empty periods, and so do we).

import type {
  Account,
  Alert,
  BaseImageRelease,
  ConfigChange,
  FleetSnapshot,
  Image,
  MetricBucket,
  PollRun,
  Prisma,
  StateInterval,
  Function as StoredFunction,
} from "@/generated/prisma/client";

export type Cell = string | number | Date | null;
/** A row by column name: the names are the Prisma schema's (a typo or a renamed column fails tsc). */
export type Row<Model = Record<string, Cell>> = { [Column in keyof Model]?: Cell };
export type TableRows = { table: Prisma.ModelName; rows: Row[] };

const HOUR_MS = 3_600_000;
const FIVE_MINUTES_MS = 300_000;
const DAY_MS = 24 * HOUR_MS;
const POLL_MS = FIVE_MINUTES_MS;
const FIVE_MINUTE_RETENTION_MS = 2 * DAY_MS;

export const ACCOUNTS = [
  { id: "111111111111", name: "acme-management", regions: ["us-east-1"] },
  { id: "222222222222", name: "acme-payments-prod", regions: ["us-east-1", "eu-west-1"] },
  { id: "333333333333", name: "acme-analytics-prod", regions: ["eu-west-1", "us-east-1", "ap-southeast-2"] },
  { id: "444444444444", name: "acme-shared-services", regions: ["us-east-1", "eu-west-1", "ap-southeast-2"] },
  { id: "555555555555", name: "acme-legacy-apps", regions: ["ap-southeast-2", "us-east-1"] },
] as const;
const SCOPES = ACCOUNTS.flatMap((a) => a.regions.map((region) => ({ accountId: a.id, region })));
const TEAMS = ["payments", "checkout", "search", "identity", "data", "ml", "platform", "growth", "ops", "media"];
const RUNTIMES = ["python3.12", "nodejs20.x", "java21", "nodejs22.x", "python3.11", "dotnet8"];
const RELEASES_PER_RUNTIME = 24;

/** Share of hours / 5-minute periods with invocations, per pattern (simulator mix: steady 35 %, bursty 15 % …). */
const PATTERNS = [
  { kind: "steady", weight: 35, hourly: 0.97, fiveMinute: 0.8 },
  { kind: "bursty", weight: 15, hourly: 0.95, fiveMinute: 0.4 },
  { kind: "businessHours", weight: 20, hourly: 0.27, fiveMinute: 0.25 },
  { kind: "dailyCron", weight: 10, hourly: 1 / 24, fiveMinute: 1 / 288 },
  { kind: "weeklyCron", weight: 5, hourly: 1 / 168, fiveMinute: 1 / 2016 },
  { kind: "dormant", weight: 15, hourly: 0.005, fiveMinute: 0.0005 },
] as const;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hex(random: () => number, length: number): string {
  let out = "";
  while (out.length < length)
    out += Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, "0");
  return out.slice(0, length);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function patternOf(random: () => number) {
  let roll = random() * 100;
  for (const pattern of PATTERNS) {
    roll -= pattern.weight;
    if (roll < 0) return pattern;
  }
  return PATTERNS[0];
}

export interface FleetShape {
  functions: number;
  days: number;
  now: Date;
}

/**
 * The rows of the whole database, a table batch at a time (functions in groups of `batch`).
 * Functions come in the order of their ids, so that each function's rows arrive in primary-key
 * order (functionId, then time), as a restore from a dump would write them.
 */
export function* syntheticFleet(shape: FleetShape, batch = 500): Generator<TableRows> {
  const now = shape.now.getTime();
  const since = now - shape.days * DAY_MS;
  yield {
    table: "Account",
    rows: ACCOUNTS.map(
      (a): Row<Account> => ({ id: a.id, name: a.name, source: "config", createdAt: shape.now, updatedAt: shape.now }),
    ),
  };
  yield { table: "BaseImageRelease", rows: catalogRows(now) };
  const order = Array.from({ length: shape.functions }, (_, index) => ({ index, id: identity(index).id }));
  order.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let first = 0; first < shape.functions; first += batch) {
    const tables = new Map<Prisma.ModelName, Row[]>();
    for (const { index } of order.slice(first, first + batch)) {
      for (const { table, rows } of functionRows(index, now, since)) {
        const known = tables.get(table) ?? [];
        known.push(...rows);
        tables.set(table, known);
      }
    }
    for (const [table, rows] of tables) yield { table, rows };
  }
  yield* pollRows(shape.functions, now, since);
}

function catalogRows(now: number): Row<BaseImageRelease>[] {
  return RUNTIMES.flatMap((runtime, r) =>
    Array.from({ length: RELEASES_PER_RUNTIME }, (_, i) => ({
      id: r * RELEASES_PER_RUNTIME + i + 1,
      runtime,
      repository: `public.ecr.aws/lambda/${runtime}`,
      version: `${runtime}.2026.${i}`,
      publishedAt: new Date(now - (RELEASES_PER_RUNTIME - i) * 10 * DAY_MS),
      layers: JSON.stringify(baseLayers(runtime, i)),
      source: "simulator",
    })),
  );
}

const baseLayers = (runtime: string, release: number) => [
  `sha256:${runtime}-os-${release}`,
  `sha256:${runtime}-rt-${release}`,
];

/** Where function `index` lives and what it is called; its random stream continues from here. */
function identity(index: number) {
  const random = rng(index + 1);
  const { accountId, region } = SCOPES[index % SCOPES.length]!;
  const team = pick(random, TEAMS);
  const name = `${team}-svc-${index}-prod`;
  return { random, accountId, region, team, name, id: `${accountId}:${region}:${name}` };
}

function functionRows(index: number, now: number, since: number): TableRows[] {
  const { random, accountId, region, team, name, id } = identity(index);
  const image = random() < 0.7;
  const pattern = patternOf(random);
  const runtime = pick(random, RUNTIMES);
  const registry = `${accountId}.dkr.ecr.${region}.amazonaws.com`;
  const repository = `${team}/${name}`;
  const deploysPerDay = pick(random, [0.5, 0.1, 0.1, 0.002]);
  const deploys: number[] = [];
  for (
    let at = since + random() * DAY_MS;
    at < now;
    at += (DAY_MS / Math.max(deploysPerDay, 0.002)) * (0.5 + random())
  ) {
    deploys.push(at);
  }
  const digests = [since, ...deploys].map(() => `sha256:${hex(random, 64)}`);
  const digest = digests.at(-1)!;

  const hourly: Row<MetricBucket>[] = [];
  const fiveMinute: Row<MetricBucket>[] = [];
  let lastInvokedAt: number | null = null;
  for (let hour = since - (since % HOUR_MS); hour < now; hour += HOUR_MS) {
    if (random() >= pattern.hourly) continue;
    hourly.push(bucket(random, id, "1h", hour, 60));
    lastInvokedAt = hour;
  }
  for (let start = now - FIVE_MINUTE_RETENTION_MS; start < now; start += FIVE_MINUTES_MS) {
    if (random() < pattern.fiveMinute) fiveMinute.push(bucket(random, id, "5m", start - (start % FIVE_MINUTES_MS), 5));
  }

  const idleDays = (now - (lastInvokedAt ?? since)) / DAY_MS;
  const state = idleDays >= 14 ? "Inactive" : random() < 0.01 ? "Failed" : "Active";
  const reasonCode = state === "Inactive" ? "Idle" : state === "Failed" ? "ImageDeleted" : null;
  const changes: { at: number; state: string; code: string | null }[] = [{ at: since, state: "Active", code: null }];
  if (pattern.kind === "dormant") {
    for (let at = since + random() * 10 * DAY_MS; at < now - 3 * DAY_MS; at += 10 * DAY_MS) {
      changes.push({ at, state: "Inactive", code: "Idle" }, { at: at + DAY_MS, state: "Active", code: null });
    }
  }
  if (state !== "Active")
    changes.push({ at: Math.max(changes.at(-1)!.at + HOUR_MS, now - DAY_MS), state, code: reasonCode });
  const functionRow: Row<StoredFunction> = {
    id,
    accountId,
    region,
    name,
    arn: `arn:aws:lambda:${region}:${accountId}:function:${name}`,
    packageType: image ? "Image" : "Zip",
    runtime: image ? null : runtime,
    handler: image ? null : "index.handler",
    imageUri: image ? `${registry}/${repository}:v${deploys.length + 1}` : null,
    imageDigest: image ? digest : null,
    imageRepository: image ? `${registry}/${repository}` : null,
    codeSha256: hex(random, 44),
    lastModified: new Date(deploys.at(-1) ?? since),
    architecture: random() < 0.35 ? "arm64" : "x86_64",
    memoryMb: pick(random, [128, 256, 512, 1024, 2048]),
    timeoutSec: pick(random, [3, 30, 60, 300, 900]),
    ephemeralMb: 512,
    logGroup: `/aws/lambda/${name}`,
    tags: JSON.stringify({ team, env: "prod", service: `${team}-svc` }),
    team,
    state,
    stateReasonCode: reasonCode,
    lastUpdateStatus: "Successful",
    stateReadAt: new Date(now - random() * HOUR_MS),
    firstSeenAt: new Date(since),
    lastSeenAt: new Date(now),
    lastInvokedAt: lastInvokedAt === null ? null : new Date(lastInvokedAt),
    metricsThrough: new Date(now),
    coldStartsThrough: new Date(now),
  };
  const releaseIndex = Math.floor(random() * RELEASES_PER_RUNTIME);
  return [
    { table: "Function", rows: [functionRow] },
    {
      table: "StateInterval",
      rows: changes.map((change, i): Row<StateInterval> => {
        const to = changes[i + 1]?.at ?? null;
        return {
          functionId: id,
          state: change.state,
          reasonCode: change.code,
          reason: change.code,
          from: new Date(change.at),
          to: to === null ? null : new Date(to),
          lastObservedAt: new Date(to ?? now),
        };
      }),
    },
    {
      table: "ConfigChange",
      rows: [
        {
          functionId: id,
          at: new Date(since),
          kind: "created",
          codeSha256: null,
          imageDigest: image ? digests[0]! : null,
          details: "{}",
        },
        ...deploys.map(
          (at, i): Row<ConfigChange> => ({
            functionId: id,
            at: new Date(at),
            kind: "deployed",
            codeSha256: hex(random, 44),
            imageDigest: image ? digests[i + 1]! : null,
            details: "{}",
          }),
        ),
      ],
    },
    { table: "MetricBucket", rows: [...hourly, ...fiveMinute] },
    {
      table: "Image",
      rows: image
        ? digests.map(
            (d, i): Row<Image> => ({
              id: `${accountId}/${repository}@${d}`,
              registryId: accountId,
              repository,
              digest: d,
              tags: JSON.stringify([`v${i + 1}`]),
              pushedAt: new Date(i === 0 ? since - DAY_MS : deploys[i - 1]!),
              sizeBytes: 200e6 + random() * 800e6,
              lastPulledAt: new Date(now - random() * DAY_MS),
              manifestLayers: JSON.stringify([...baseLayers(runtime, releaseIndex), `sha256:${hex(random, 64)}`]),
              scanStatus: "COMPLETE",
              findingsCritical: Math.floor(random() * 2),
              findingsHigh: Math.floor(random() * 5),
              findingsMedium: Math.floor(random() * 20),
              findingsLow: Math.floor(random() * 40),
              checkedAt: new Date(now),
            }),
          )
        : [],
    },
    {
      table: "Alert",
      rows:
        state === "Inactive" || (idleDays >= 10 && random() < 0.5)
          ? [
              {
                id: `alert-${index}`,
                fingerprint: `idle-risk:${id}`,
                rule: "idle-risk",
                severity: state === "Inactive" ? "critical" : "warning",
                state: "open",
                functionId: id,
                accountId,
                region,
                functionName: name,
                team,
                title: `${name} is idle`,
                reason: `not invoked for ${Math.floor(idleDays)} days`,
                evidence: "{}",
                openedAt: new Date(now - DAY_MS),
                updatedAt: new Date(now),
              } satisfies Row<Alert>,
            ]
          : [],
    },
  ];
}

function bucket(
  random: () => number,
  functionId: string,
  resolution: string,
  start: number,
  minutes: number,
): Row<MetricBucket> {
  const invocations = Math.ceil(random() * 40 * minutes);
  const coldStarts = random() < 0.3 ? Math.ceil(random() * 3) : 0;
  const init = coldStarts > 0 ? 300 + random() * 900 : null;
  return {
    functionId,
    resolution,
    start: new Date(start),
    invocations,
    errors: random() < 0.1 ? Math.ceil(random() * 3) : 0,
    throttles: 0,
    durationAvg: 20 + random() * 300,
    durationP95: 100 + random() * 900,
    concurrencyMax: Math.ceil(random() * 10),
    coldStarts,
    initAvg: init,
    initP95: init === null ? null : init * 1.3,
    initMax: init === null ? null : init * 1.6,
  };
}

/** A poll run per account × region every 5 minutes, and the fleet snapshot it wrote. */
function* pollRows(functions: number, now: number, since: number): Generator<TableRows> {
  const perScope = functions / SCOPES.length;
  let runs: Row<PollRun>[] = [];
  let snapshots: Row<FleetSnapshot>[] = [];
  for (let at = since; at < now; at += POLL_MS) {
    for (const { accountId, region } of SCOPES) {
      const id = `run-${at}-${accountId}-${region}`;
      const when = new Date(at);
      runs.push({
        id,
        accountId,
        region,
        trigger: "schedule",
        worker: "bench",
        startedAt: when,
        finishedAt: new Date(at + 20_000),
        status: "ok",
        functionsSeen: Math.round(perScope),
        statesRead: Math.round(perScope / 12),
        calls: '{"lambda:ListFunctions":2,"lambda:GetFunction":150,"cloudwatch:GetMetricData":4}',
        throttles: 0,
        errorCount: 0,
        errors: "[]",
      });
      for (const [packageType, share] of [
        ["Image", 0.7],
        ["Zip", 0.3],
      ] as const) {
        for (const [state, stateShare] of [
          ["Active", 0.9],
          ["Inactive", 0.09],
          ["Failed", 0.01],
        ] as const) {
          snapshots.push({
            at: when,
            pollRunId: id,
            accountId,
            region,
            packageType,
            state,
            count: Math.round(perScope * share * stateShare),
          });
        }
      }
    }
    if (runs.length >= 5_000) {
      yield { table: "PollRun", rows: runs };
      yield { table: "FleetSnapshot", rows: snapshots };
      runs = [];
      snapshots = [];
    }
  }
  yield { table: "PollRun", rows: runs };
  yield { table: "FleetSnapshot", rows: snapshots };
}
