import { DAY_MS } from "./time";

export interface RuntimeInfo {
  id: string;
  name: string;
  /** ISO dates (UTC). Absent when AWS has not announced one or we are not sure of it. */
  deprecatedOn?: string;
  blockCreateOn?: string;
  blockUpdateOn?: string;
}

// Source: AWS Lambda runtimes page (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html),
// as it read in mid-2026: AWS moved several dates since first announcing them (python3.10 from
// 2026-06-30 to 2026-10-31; python3.11, java8.al2, java11, java17 from 2026-06-30 to 2027-06-30).
// Block dates are listed only where known; re-check the page when editing this table.
export const RUNTIMES: readonly RuntimeInfo[] = [
  { id: "nodejs12.x", name: "Node.js 12", deprecatedOn: "2023-03-31" },
  { id: "nodejs14.x", name: "Node.js 14", deprecatedOn: "2023-12-04" },
  { id: "nodejs16.x", name: "Node.js 16", deprecatedOn: "2024-06-12" },
  { id: "nodejs18.x", name: "Node.js 18", deprecatedOn: "2025-09-01" },
  { id: "nodejs20.x", name: "Node.js 20", deprecatedOn: "2026-04-30" },
  { id: "nodejs22.x", name: "Node.js 22", deprecatedOn: "2027-04-30" },
  { id: "python3.7", name: "Python 3.7", deprecatedOn: "2023-12-04" },
  { id: "python3.8", name: "Python 3.8", deprecatedOn: "2024-10-14", blockCreateOn: "2027-02-01" },
  {
    id: "python3.9",
    name: "Python 3.9",
    deprecatedOn: "2025-12-15",
    blockCreateOn: "2027-02-01",
    blockUpdateOn: "2027-03-03",
  },
  { id: "python3.10", name: "Python 3.10", deprecatedOn: "2026-10-31" },
  { id: "python3.11", name: "Python 3.11", deprecatedOn: "2027-06-30" },
  { id: "python3.12", name: "Python 3.12", deprecatedOn: "2028-10-31" },
  { id: "python3.13", name: "Python 3.13", deprecatedOn: "2029-06-30" },
  { id: "java8", name: "Java 8 (Amazon Linux 1)", deprecatedOn: "2024-01-08", blockCreateOn: "2024-02-08" },
  { id: "java8.al2", name: "Java 8 (Amazon Linux 2)", deprecatedOn: "2027-06-30" },
  { id: "java11", name: "Java 11", deprecatedOn: "2027-06-30" },
  { id: "java17", name: "Java 17", deprecatedOn: "2027-06-30" },
  { id: "java21", name: "Java 21", deprecatedOn: "2029-06-30" },
  { id: "dotnet6", name: ".NET 6", deprecatedOn: "2024-12-20" },
  { id: "dotnet8", name: ".NET 8", deprecatedOn: "2026-11-10" },
  { id: "ruby2.7", name: "Ruby 2.7", deprecatedOn: "2023-12-07" },
  { id: "ruby3.2", name: "Ruby 3.2", deprecatedOn: "2026-03-31" },
  { id: "ruby3.3", name: "Ruby 3.3", deprecatedOn: "2027-03-31" },
  { id: "go1.x", name: "Go 1.x", deprecatedOn: "2024-01-08", blockCreateOn: "2024-02-08" },
  { id: "provided", name: "OS-only (Amazon Linux 1)", deprecatedOn: "2024-01-08", blockCreateOn: "2024-02-08" },
  { id: "provided.al2", name: "OS-only (Amazon Linux 2)" },
  { id: "provided.al2023", name: "OS-only (Amazon Linux 2023)", deprecatedOn: "2029-06-30" },
];

const byId = new Map(RUNTIMES.map((runtime) => [runtime.id, runtime]));

export function runtimeInfo(id: string): RuntimeInfo | null {
  return byId.get(id) ?? null;
}

export interface RuntimeStatus {
  /** False for runtimes missing from the table; nothing is claimed about them. */
  known: boolean;
  deprecated: boolean;
  deprecatedOn?: Date;
  /** Whole days left, rounded up; present only while the deprecation is still ahead. */
  daysUntilDeprecation?: number;
}

export function runtimeStatus(runtime: string, now: Date): RuntimeStatus {
  const info = byId.get(runtime);
  if (info?.deprecatedOn === undefined) return { known: info !== undefined, deprecated: false };
  const deprecatedOn = new Date(`${info.deprecatedOn}T00:00:00Z`);
  const msLeft = deprecatedOn.getTime() - now.getTime();
  if (msLeft <= 0) return { known: true, deprecated: true, deprecatedOn };
  return { known: true, deprecated: false, deprecatedOn, daysUntilDeprecation: Math.ceil(msLeft / DAY_MS) };
}

// Repository and tag of AWS base images, on ECR Public or the Docker Hub mirror. Tags may carry a
// dated version and an architecture suffix: "3.12", "3.12.2026.11.20.10-x86_64", "20-arm64".
const BASE_IMAGE = /^(?:public\.ecr\.aws\/lambda\/|(?:docker\.io\/)?amazon\/aws-lambda-)([a-z]+):([^@\s]+)$/;
const DIGITS = /^\d+$/;

/**
 * Maps an AWS base image reference to its runtime id, e.g. `public.ecr.aws/lambda/python:3.12`
 * → `python3.12`, `nodejs:20` → `nodejs20.x`, `provided:al2023` → `provided.al2023`.
 * Null for anything else (other registries, digests only, `latest`).
 */
export function runtimeFromBaseImage(reference: string): string | null {
  const [, language = "", rawTag = ""] = BASE_IMAGE.exec(reference.trim()) ?? [];
  const tag = rawTag.replace(/-(x86_64|arm64)$/, "");
  const [major = "", minor = ""] = tag.split(".");
  const numericMajor = DIGITS.test(major);
  switch (language) {
    case "python":
    case "ruby":
      return numericMajor && DIGITS.test(minor) ? `${language}${major}.${minor}` : null;
    case "nodejs":
      return numericMajor ? `nodejs${major}.x` : null;
    case "java":
      if (major === "8" && minor === "al2") return "java8.al2";
      return numericMajor ? `java${major}` : null;
    case "dotnet":
      return numericMajor ? `dotnet${major}` : null;
    case "go":
      return major === "1" ? "go1.x" : null;
    case "provided":
      if (major === "alami") return "provided";
      return /^al\d+$/.test(major) ? `provided.${major}` : null;
    default:
      return null;
  }
}
