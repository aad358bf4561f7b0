import { ACCOUNTS, type Account, type Region, SHARED_REGISTRY_ACCOUNT_ID } from "./accounts";
import { runtimeSpec } from "./catalog";
import { createRng, hashString, hexFrom, type Rng } from "./random";
import { DAY, HOUR, hourOf } from "./time";
import type { InvocationPattern } from "./traffic";
import { COMPONENTS, ENVIRONMENTS, TEAMS } from "./vocabulary";

export type PackageType = "Image" | "Zip";
export type ImageFateKind = "ImageDeleted" | "ImageAccessDenied";

/** Everything about a function that never changes; its history is computed from this. */
export interface FunctionSpec {
  index: number;
  /** Stable hash of (seed, name): the root of every random draw about this function. */
  key: number;
  name: string;
  accountId: string;
  region: Region;
  arn: string;
  team?: string;
  tags: Record<string, string>;
  description: string;
  role: string;
  packageType: PackageType;
  /** Lambda runtime for zip functions; the base image's runtime for image functions. */
  runtime: string;
  architecture: "x86_64" | "arm64";
  memoryMb: number;
  timeoutSeconds: number;
  ephemeralStorageMb: number;
  logFormat: "Text" | "JSON";
  logGroup: string;
  fileSystem?: { arn: string; localMountPath: string };
  imageConfig?: { EntryPoint?: string[]; Command?: string[]; WorkingDirectory?: string };
  /** ECR repository holding the function's images (same region as the function). */
  repository?: { registryId: string; name: string };
  manifestMediaType: string;
  scanOnPush: boolean;
  /** Compressed image size for image functions, deployment package size for zip functions. */
  codeSizeBytes: number;
  /** Releases behind the newest base image that this team builds on. */
  baseLag: number;
  pattern: InvocationPattern;
  deploysPerDay: number;
  createdAt: number;
  /** The deploy live when history starts (for functions created before it). */
  baselineDeployAt?: number;
  firstTrafficHour: number;
  errorRate: number;
  medianDurationMs: number;
  durationSigma: number;
  maxMemoryFraction: number;
  /** Invocations per minute above which requests are throttled (reserved concurrency). */
  throttleAbovePerMinute: number;
  imageFate?: { kind: ImageFateKind; at: number };
}

export interface Fleet {
  seed: number;
  start: number;
  historyStart: number;
  functions: readonly FunctionSpec[];
  byArn: ReadonlyMap<string, FunctionSpec>;
  byName: ReadonlyMap<string, FunctionSpec>;
  /** Functions per `account/region`, sorted by name (ListFunctions order). */
  byScope: ReadonlyMap<string, readonly FunctionSpec[]>;
}

export const HISTORY_DAYS = 30;
export const TEN_GB = 10 * 1024 ** 3;
const MB = 1024 ** 2;

export const scopeKey = (accountId: string, region: string): string => `${accountId}/${region}`;

const IMAGE_RUNTIMES: readonly (readonly [string, number])[] = [
  ["python3.12", 24],
  ["nodejs20.x", 18],
  ["java21", 9],
  ["nodejs22.x", 9],
  ["python3.13", 7],
  ["python3.11", 7],
  ["provided.al2023", 6],
  ["dotnet8", 4],
  ["python3.8", 4],
  ["nodejs16.x", 3],
  ["nodejs18.x", 3],
  ["java17", 3],
  ["dotnet6", 1],
  ["ruby3.3", 1],
];
const ZIP_RUNTIMES: readonly (readonly [string, number])[] = [
  ["nodejs20.x", 25],
  ["python3.12", 25],
  ["nodejs22.x", 12],
  ["python3.13", 10],
  ["java21", 8],
  ["nodejs18.x", 6],
  ["ruby3.3", 5],
  ["dotnet8", 5],
  ["provided.al2023", 4],
];
const BASE_IMAGE_MB: Record<string, number> = {
  python: 260,
  nodejs: 210,
  java: 330,
  dotnet: 300,
  provided: 120,
  ruby: 250,
};
const UTC_OFFSET: Record<Region, number> = { "us-east-1": -5, "eu-west-1": 0, "ap-southeast-2": 10 };

export interface FleetOptions {
  seed: number;
  functions: number;
  start: number;
}

export function buildFleet({ seed, functions: size, start }: FleetOptions): Fleet {
  const historyStart = Math.floor((start - HISTORY_DAYS * DAY) / HOUR) * HOUR;
  const rng = createRng(seed);
  const nameUses = new Map<string, number>();
  const functions: FunctionSpec[] = [];
  const placements = ACCOUNTS.flatMap((account) =>
    account.regions.map((region, position) => [{ account, region }, account.fleetShare / (position + 1)] as const),
  );
  for (let index = 0; index < size; index++) {
    const { account, region } = rng.weighted(placements);
    functions.push(buildFunction(rng, seed, index, account, region, uniqueName(rng, nameUses), start, historyStart));
  }
  assignImageFates(rng, functions, start, historyStart);
  makeSomeImagesHuge(rng, functions);
  return indexFleet(seed, start, historyStart, functions);
}

/** Names like `orders-api-prod`; repeats of a combination get a shard number (`orders-api-2-prod`). */
function uniqueName(
  rng: Rng,
  uses: Map<string, number>,
): { name: string; team: string; domain: string; component: string; env: string } {
  const { team, domains } = rng.pick(TEAMS);
  const domain = rng.pick(domains);
  const component = rng.pick(COMPONENTS);
  const env = rng.weighted(ENVIRONMENTS);
  const base = `${domain}-${component}-${env}`;
  const use = (uses.get(base) ?? 0) + 1;
  uses.set(base, use);
  return { name: use === 1 ? base : `${domain}-${component}-${use}-${env}`, team, domain, component, env };
}

function buildFunction(
  rng: Rng,
  seed: number,
  index: number,
  account: Account,
  region: Region,
  naming: ReturnType<typeof uniqueName>,
  start: number,
  historyStart: number,
): FunctionSpec {
  const { name, team, domain, component, env } = naming;
  const key = hashString(`${seed}:${name}`);
  const packageType: PackageType = rng.chance(0.7) ? "Image" : "Zip";
  const runtime = rng.weighted(packageType === "Image" ? IMAGE_RUNTIMES : ZIP_RUNTIMES);
  const family = runtimeSpec(runtime).family;
  const tagged = rng.chance(0.94);
  const pattern = buildPattern(rng, region);
  const createdInHistory = rng.chance(0.04);
  const createdAt = createdInHistory
    ? historyStart + rng.between(0.5, HISTORY_DAYS - 1) * DAY
    : start - rng.between(45, 900) * DAY;
  const deploysPerDay =
    pattern.kind === "dormant"
      ? 0.003
      : rng.weighted([
          [rng.between(0.3, 0.7), 25],
          [rng.between(0.05, 0.15), 45],
          [0.002, 30],
        ]);
  const baselineDeployAt = createdInHistory
    ? undefined
    : historyStart - rng.between(0.1, 1) ** (deploysPerDay > 0.01 ? 6 : 1) * (historyStart - createdAt);
  const logFormat = rng.chance(0.2) ? "JSON" : "Text";
  const sharedGroup = rng.chance(0.04);
  const image = packageType === "Image";
  const shared = image && account.id !== SHARED_REGISTRY_ACCOUNT_ID && rng.chance(0.15);
  const timeoutSeconds = rng.pick([3, 10, 15, 30, 60, 120, 300, 900]);
  return {
    index,
    key,
    name,
    accountId: account.id,
    region,
    arn: `arn:aws:lambda:${region}:${account.id}:function:${name}`,
    team: tagged ? team : undefined,
    tags: tagged
      ? { team, env, service: domain, "cost-center": `cc-${1000 + TEAMS.findIndex((t) => t.team === team)}` }
      : {},
    description: rng.chance(0.8) ? `${capitalise(domain)} ${component} (${env})` : "",
    role: `arn:aws:iam::${account.id}:role/lambda-${team}-${env}-exec`,
    packageType,
    runtime,
    architecture: rng.chance(0.35) ? "arm64" : "x86_64",
    memoryMb: rng.weighted([
      [128, 10],
      [256, 15],
      [512, 25],
      [1024, 25],
      [1536, 8],
      [2048, 8],
      [3008, 5],
      [4096, 3],
      [10240, 1],
    ]),
    timeoutSeconds,
    ephemeralStorageMb: rng.chance(0.75) ? 512 : rng.pick([1024, 2048, 4096, 10240]),
    logFormat,
    logGroup: sharedGroup ? `/acme/${team}/${env}/functions` : `/aws/lambda/${name}`,
    fileSystem: rng.chance(0.04)
      ? {
          arn: `arn:aws:elasticfilesystem:${region}:${account.id}:access-point/fsap-${hexFrom(17, key, 1)}`,
          localMountPath: `/mnt/${rng.pick(["data", "models", "cache"])}`,
        }
      : undefined,
    imageConfig: image && rng.chance(0.3) ? buildImageConfig(rng, family) : undefined,
    repository: image
      ? {
          registryId: shared ? SHARED_REGISTRY_ACCOUNT_ID : account.id,
          name: shared ? `shared/${name}` : `${team}/${name}`,
        }
      : undefined,
    manifestMediaType: rng.chance(0.75)
      ? "application/vnd.docker.distribution.manifest.v2+json"
      : "application/vnd.oci.image.manifest.v1+json",
    scanOnPush: rng.chance(0.9),
    codeSizeBytes: image
      ? Math.round(Math.min(8.5 * 1024, Math.max(100, rng.logNormal((BASE_IMAGE_MB[family] ?? 250) * 1.6, 0.8))) * MB)
      : Math.round(rng.logNormal(4, 1.2) * MB),
    baseLag: rng.weighted([
      [0, 65],
      [rng.int(1, 4), 25],
      [rng.int(6, 12), 10],
    ]),
    pattern,
    deploysPerDay,
    createdAt,
    baselineDeployAt,
    firstTrafficHour: hourOf(createdAt) + 2,
    errorRate: rng.weighted([
      [0, 5],
      [rng.between(0.001, 0.01), 80],
      [rng.between(0.02, 0.08), 15],
    ]),
    medianDurationMs: Math.min(timeoutSeconds * 300, rng.logNormal(family === "java" ? 180 : 90, 1)),
    durationSigma: rng.between(0.25, 0.7),
    maxMemoryFraction: rng.between(0.15, 0.75),
    throttleAbovePerMinute:
      pattern.kind === "bursty" && rng.chance(0.4)
        ? Math.max(2, Math.round((pattern.perHour / 60) * rng.between(3, 8)))
        : Number.POSITIVE_INFINITY,
  };
}

function buildPattern(rng: Rng, region: Region): InvocationPattern {
  const kind = rng.weighted([
    ["steady", 35],
    ["bursty", 15],
    ["businessHours", 20],
    ["dailyCron", 10],
    ["weeklyCron", 5],
    ["dormant", 15],
  ] as const);
  switch (kind) {
    case "steady":
      return {
        kind,
        perHour: clamp(rng.logNormal(40, 1.4), 0.3, 18_000),
        diurnalAmplitude: rng.between(0, 0.6),
        peakHourUtc: rng.int(0, 23),
      };
    case "bursty":
      return {
        kind,
        perHour: clamp(rng.logNormal(6, 1), 0.2, 600),
        burstChance: rng.between(0.02, 0.08),
        burstFactor: rng.between(15, 120),
      };
    case "businessHours":
      return { kind, perHour: clamp(rng.logNormal(150, 1.2), 2, 12_000), utcOffsetHours: UTC_OFFSET[region] };
    case "dailyCron":
      return {
        kind,
        hourUtc: rng.int(0, 23),
        minute: rng.pick([0, 0, 15, 30, 45, rng.int(0, 59)]),
        batch: Math.round(clamp(rng.logNormal(3, 1.2), 1, 400)),
      };
    case "weeklyCron":
      return {
        kind,
        weekday: rng.int(0, 6),
        hourUtc: rng.int(0, 23),
        minute: rng.pick([0, 30]),
        batch: rng.int(1, 50),
      };
    case "dormant":
      return { kind, episodesPerDay: rng.chance(0.2) ? 0 : rng.between(0.015, 0.12) };
  }
}

function buildImageConfig(rng: Rng, family: string): NonNullable<FunctionSpec["imageConfig"]> {
  const handler =
    family === "java" ? "com.acme.Handler::handleRequest" : family === "nodejs" ? "index.handler" : "app.handler";
  return rng.pick([
    { Command: [handler] },
    { EntryPoint: ["/lambda-entrypoint.sh"], Command: [handler], WorkingDirectory: "/var/task" },
    { WorkingDirectory: "/app", Command: [handler] },
    { EntryPoint: ["/usr/local/bin/aws-lambda-rie", "/var/runtime/bootstrap"] },
  ]);
}

/** Some images disappear from ECR (lifecycle policies, clean-ups); one loses its cross-account grant. */
function assignImageFates(rng: Rng, functions: FunctionSpec[], start: number, historyStart: number): void {
  const images = functions.filter((fn) => fn.packageType === "Image");
  const deletions = Math.min(images.length, Math.max(2, Math.round(images.length * 0.015)));
  const candidates = shuffled(rng, images);
  for (let i = 0; i < deletions; i++) {
    const fn = candidates[i];
    if (!fn) break;
    // Mostly in the past so it is visible at once; every fourth one during the run.
    const at = i % 4 === 3 ? start + rng.between(0.2, 2) * DAY : historyStart + rng.between(3, HISTORY_DAYS - 1) * DAY;
    fn.imageFate = { kind: "ImageDeleted", at: Math.max(at, fn.createdAt + DAY) };
  }
  const sharedVictim = candidates
    .slice(deletions)
    .find((fn) => fn.repository?.registryId === SHARED_REGISTRY_ACCOUNT_ID);
  if (sharedVictim)
    sharedVictim.imageFate = { kind: "ImageAccessDenied", at: Math.max(start - 4 * DAY, sharedVictim.createdAt + DAY) };
}

/** Lambda's 10 GB image limit is a real edge; keep a couple of images close to it. */
function makeSomeImagesHuge(rng: Rng, functions: FunctionSpec[]): void {
  const images = shuffled(
    rng,
    functions.filter((fn) => fn.packageType === "Image"),
  );
  for (const fn of images.slice(0, 2)) fn.codeSizeBytes = Math.round(TEN_GB * rng.between(0.91, 0.99));
}

function indexFleet(seed: number, start: number, historyStart: number, functions: FunctionSpec[]): Fleet {
  const byScope = new Map<string, FunctionSpec[]>();
  for (const fn of functions) {
    const key = scopeKey(fn.accountId, fn.region);
    const list = byScope.get(key) ?? [];
    list.push(fn);
    byScope.set(key, list);
  }
  for (const list of byScope.values()) list.sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    seed,
    start,
    historyStart,
    functions,
    byArn: new Map(functions.map((fn) => [fn.arn, fn])),
    byName: new Map(functions.map((fn) => [fn.name, fn])),
    byScope,
  };
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
