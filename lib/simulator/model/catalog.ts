import { hashInts, hashString, hexFrom } from "./random";
import { DAY, HOUR } from "./time";

/** A Lambda runtime and the AWS base image that ships it. */
export interface RuntimeSpec {
  runtime: string;
  family: "python" | "nodejs" | "java" | "dotnet" | "provided" | "ruby";
  /** `public.ecr.aws/lambda/<name>:<tag>` */
  baseImage: string;
  /** Prefix of release tags, e.g. `3.12` in `3.12.2026.11.02.10`. */
  tagPrefix: string;
  /** Deprecation relative to the simulation start, in days (negative: already deprecated at start). */
  deprecatedAtDay?: number;
  /** Multiplier on init duration (JVMs start slower than Python). */
  initFactor: number;
  zipHandler: string;
}

export const RUNTIMES: readonly RuntimeSpec[] = [
  {
    runtime: "python3.13",
    family: "python",
    baseImage: "public.ecr.aws/lambda/python:3.13",
    tagPrefix: "3.13",
    initFactor: 1,
    zipHandler: "app.handler",
  },
  {
    runtime: "python3.12",
    family: "python",
    baseImage: "public.ecr.aws/lambda/python:3.12",
    tagPrefix: "3.12",
    initFactor: 1,
    zipHandler: "app.handler",
  },
  {
    runtime: "python3.11",
    family: "python",
    baseImage: "public.ecr.aws/lambda/python:3.11",
    tagPrefix: "3.11",
    initFactor: 1,
    zipHandler: "app.handler",
  },
  {
    runtime: "python3.8",
    family: "python",
    baseImage: "public.ecr.aws/lambda/python:3.8",
    tagPrefix: "3.8",
    deprecatedAtDay: -220,
    initFactor: 1.1,
    zipHandler: "app.handler",
  },
  {
    runtime: "nodejs22.x",
    family: "nodejs",
    baseImage: "public.ecr.aws/lambda/nodejs:22",
    tagPrefix: "22",
    initFactor: 0.85,
    zipHandler: "index.handler",
  },
  {
    runtime: "nodejs20.x",
    family: "nodejs",
    baseImage: "public.ecr.aws/lambda/nodejs:20",
    tagPrefix: "20",
    initFactor: 0.85,
    zipHandler: "index.handler",
  },
  {
    runtime: "nodejs18.x",
    family: "nodejs",
    baseImage: "public.ecr.aws/lambda/nodejs:18",
    tagPrefix: "18",
    deprecatedAtDay: 45,
    initFactor: 0.9,
    zipHandler: "index.handler",
  },
  {
    runtime: "nodejs16.x",
    family: "nodejs",
    baseImage: "public.ecr.aws/lambda/nodejs:16",
    tagPrefix: "16",
    deprecatedAtDay: -300,
    initFactor: 0.95,
    zipHandler: "index.handler",
  },
  {
    runtime: "java21",
    family: "java",
    baseImage: "public.ecr.aws/lambda/java:21",
    tagPrefix: "21",
    initFactor: 2.2,
    zipHandler: "com.acme.Handler::handleRequest",
  },
  {
    runtime: "java17",
    family: "java",
    baseImage: "public.ecr.aws/lambda/java:17",
    tagPrefix: "17",
    initFactor: 2.4,
    zipHandler: "com.acme.Handler::handleRequest",
  },
  {
    runtime: "dotnet8",
    family: "dotnet",
    baseImage: "public.ecr.aws/lambda/dotnet:8",
    tagPrefix: "8",
    initFactor: 1.7,
    zipHandler: "Acme::Acme.Function::Handler",
  },
  {
    runtime: "dotnet6",
    family: "dotnet",
    baseImage: "public.ecr.aws/lambda/dotnet:6",
    tagPrefix: "6",
    deprecatedAtDay: -120,
    initFactor: 1.8,
    zipHandler: "Acme::Acme.Function::Handler",
  },
  {
    runtime: "provided.al2023",
    family: "provided",
    baseImage: "public.ecr.aws/lambda/provided:al2023",
    tagPrefix: "al2023",
    initFactor: 0.55,
    zipHandler: "bootstrap",
  },
  {
    runtime: "ruby3.3",
    family: "ruby",
    baseImage: "public.ecr.aws/lambda/ruby:3.3",
    tagPrefix: "3.3",
    initFactor: 1.2,
    zipHandler: "app.handler",
  },
];

export function runtimeSpec(runtime: string): RuntimeSpec {
  const spec = RUNTIMES.find((candidate) => candidate.runtime === runtime);
  if (!spec) throw new Error(`unknown runtime ${runtime}`);
  return spec;
}

export interface ImageLayer {
  digest: string;
  sizeBytes: number;
}

export interface BaseImageRelease {
  runtime: string;
  baseImage: string;
  /** e.g. `3.12.2026.11.02.10`, as tagged on public.ecr.aws. */
  releaseTag: string;
  /** 0 = oldest release the simulator knows. */
  index: number;
  releasedAt: number;
  layers: readonly ImageLayer[];
}

const FIRST_RELEASE_DAYS_BEFORE_START = 420;
/** How many releases each base-image layer survives unchanged (OS layer rarely, app glue every time). */
const LAYER_LIFETIMES = [4, 1, 1, 2, 3] as const;
const LAYER_SIZES_MB = [70, 45, 30, 8, 0.2] as const;

/** AWS base-image releases per runtime, every 1–3 weeks, computed on demand as the clock moves. */
export class BaseImageCatalog {
  private readonly releasesByRuntime = new Map<string, BaseImageRelease[]>();

  constructor(
    private readonly seed: number,
    private readonly start: number,
  ) {}

  isDeprecated(runtime: string, at: number): boolean {
    const { deprecatedAtDay } = runtimeSpec(runtime);
    return deprecatedAtDay !== undefined && at >= this.start + deprecatedAtDay * DAY;
  }

  deprecationDate(runtime: string): number | undefined {
    const { deprecatedAtDay } = runtimeSpec(runtime);
    return deprecatedAtDay === undefined ? undefined : this.start + deprecatedAtDay * DAY;
  }

  /** Every release of `runtime` published at or before `until`. */
  releases(runtime: string, until: number): readonly BaseImageRelease[] {
    const known = this.extendTo(runtime, until);
    let count = known.length;
    while (count > 0 && (known[count - 1]?.releasedAt ?? 0) > until) count--;
    return known.slice(0, count);
  }

  /** The newest release of `runtime` at time `at` (the oldest one if none was out yet). */
  latestAt(runtime: string, at: number): BaseImageRelease {
    const published = this.releases(runtime, at);
    const latest = published[published.length - 1] ?? this.extendTo(runtime, at)[0];
    if (!latest) throw new Error(`no releases for ${runtime}`);
    return latest;
  }

  release(runtime: string, index: number): BaseImageRelease {
    const known = this.releasesByRuntime.get(runtime) ?? [];
    const release = known[index];
    if (!release) throw new Error(`release ${index} of ${runtime} not computed`);
    return release;
  }

  private extendTo(runtime: string, until: number): BaseImageRelease[] {
    const spec = runtimeSpec(runtime);
    const key = hashInts(this.seed, hashString(runtime));
    const known = this.releasesByRuntime.get(runtime) ?? [];
    this.releasesByRuntime.set(runtime, known);
    const deprecatedAt = this.deprecationDate(runtime) ?? Number.POSITIVE_INFINITY;
    let last = known[known.length - 1];
    while (!last || (last.releasedAt <= until && last.releasedAt < deprecatedAt)) {
      const index = known.length;
      const releasedAt = last
        ? last.releasedAt + (7 + (hashInts(key, index, 1) % 15)) * DAY + ((hashInts(key, index, 2) % 7) - 3) * HOUR
        : this.start - FIRST_RELEASE_DAYS_BEFORE_START * DAY + (hashInts(key, 0, 3) % 14) * DAY;
      if (last && releasedAt >= deprecatedAt) break;
      last = {
        runtime,
        baseImage: spec.baseImage,
        releaseTag: releaseTag(spec.tagPrefix, releasedAt),
        index,
        releasedAt,
        layers: LAYER_LIFETIMES.map((lifetime, layer) => {
          const generation = Math.floor(index / lifetime);
          const baseSize = (LAYER_SIZES_MB[layer] ?? 1) * 1024 * 1024;
          return {
            digest: `sha256:${hexFrom(64, key, layer + 1, generation)}`,
            sizeBytes: Math.round(baseSize * (0.85 + (hashInts(key, layer, generation) % 300) / 1000)),
          };
        }),
      };
      known.push(last);
    }
    return known;
  }
}

function releaseTag(prefix: string, at: number): string {
  const date = new Date(at);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${prefix}.${date.getUTCFullYear()}.${pad(date.getUTCMonth() + 1)}.${pad(date.getUTCDate())}.${pad(date.getUTCHours())}`;
}
