import type { LifecycleVerdict } from "@/lib/analysis/lifecycle-policy";

// The image safety of a function's digests as the function page shows it: lifecycle policy
// verdicts, scan coverage, versions and aliases.

/** What the repository's lifecycle policy does to a digest, explained. */
export interface LifecycleDto {
  status: LifecycleVerdict["status"];
  rulePriority: number | null;
  rule: string | null;
  expiresAt: string | null;
  pushesLeft: number | null;
  /** Why the policy cannot be evaluated. */
  reason: string | null;
  /** Present when the expiry is within the alerting horizon. */
  risk: { severity: "critical" | "warning" | "info"; when: string } | null;
}

/** The safety of one digest a function runs: lifecycle, deletion, scan coverage. */
export interface DigestSafetyDto {
  digest: string;
  /** Null until ECR described the image. */
  described: boolean;
  missingAt: string | null;
  tagged: boolean | null;
  lifecycle: LifecycleDto | null;
  scanStatus: string | null;
  scanCompletedAt: string | null;
  /** Why the image is no longer covered by scans; null while it is. */
  scanLapse: string | null;
}

export interface VersionDto {
  version: string;
  lastModified: string;
  /** Null when the version's code is not an ECR image we could resolve. */
  image: DigestSafetyDto | null;
}

export interface AliasDto {
  name: string;
  /** The primary version first; weights add up to 1. */
  routes: { version: string; weight: number }[];
}

export interface VersionsDto {
  /** When ListVersionsByFunction/ListAliases last answered; null: not read yet. */
  checkedAt: string | null;
  versions: VersionDto[];
  aliases: AliasDto[];
}
