import "server-only";
import { z } from "zod";
import { parseEcrImageUri } from "@/lib/analysis/image-uri";
import { storedVerdict } from "@/lib/analysis/lifecycle-policy";
import type { RuleConfig } from "@/lib/analysis/rules/config";
import { expiryRisk } from "@/lib/analysis/rules/image-expiry-risk";
import { scanLapse } from "@/lib/analysis/rules/scan-coverage-lapsed";
import type { DigestSafetyDto, LifecycleDto, VersionsDto } from "@/lib/contracts/image-safety";
import type { Db } from "../client";
import { parseJsonColumn } from "./json-column";
import { toIso } from "./sql";

const lifecycleColumn = storedVerdict.nullable().catch(null);
const stringArray = z.array(z.string()).catch([]);

type ImageRow = Awaited<ReturnType<Db["image"]["findFirst"]>>;

export function lifecycleDto(text: string | null, rules: RuleConfig, now: Date): LifecycleDto | null {
  const verdict = parseJsonColumn(lifecycleColumn, text);
  if (!verdict) return null;
  const risk = verdict.status === "expires" ? expiryRisk(verdict, rules, now) : null;
  return {
    status: verdict.status,
    rulePriority: verdict.status === "expires" || verdict.status === "cannot-evaluate" ? verdict.rulePriority : null,
    rule: verdict.status === "expires" ? verdict.rule : null,
    expiresAt: verdict.status === "expires" ? toIso(verdict.expiresAt) : null,
    pushesLeft: verdict.status === "expires" ? verdict.pushesLeft : null,
    reason: verdict.status === "cannot-evaluate" ? verdict.reason : null,
    risk: risk ? { severity: risk.severity, when: risk.when } : null,
  };
}

export function digestSafety(digest: string, row: ImageRow, rules: RuleConfig, now: Date): DigestSafetyDto {
  const lapse = row
    ? scanLapse(
        { missing: row.missingAt !== null, scanStatus: row.scanStatus, scanCompletedAt: row.scanCompletedAt },
        rules,
        now,
      )
    : null;
  return {
    digest,
    described: row !== null,
    missingAt: toIso(row?.missingAt),
    tagged: row ? parseJsonColumn(stringArray, row.tags).length > 0 : null,
    lifecycle: row ? lifecycleDto(row.lifecycle, rules, now) : null,
    scanStatus: row?.scanStatus ?? null,
    scanCompletedAt: toIso(row?.scanCompletedAt),
    scanLapse: lapse,
  };
}

/** Published versions (newest first) with their digests' safety, and the aliases routing to them. */
export async function functionVersions(
  db: Db,
  fn: { id: string; versionsCheckedAt: Date | null },
  rules: RuleConfig,
  now: Date,
): Promise<VersionsDto> {
  const [versions, aliases] = await Promise.all([
    db.functionVersion.findMany({ where: { functionId: fn.id }, orderBy: { lastModified: "desc" } }),
    db.functionAlias.findMany({ where: { functionId: fn.id }, orderBy: { name: "asc" } }),
  ]);
  const images = await Promise.all(
    versions.map((version) => {
      const ref = version.imageRepository ? parseEcrImageUri(version.imageRepository) : null;
      return ref && version.imageDigest
        ? db.image.findUnique({
            where: {
              registryId_repository_digest: {
                registryId: ref.registryId,
                repository: ref.repository,
                digest: version.imageDigest,
              },
            },
          })
        : Promise.resolve(null);
    }),
  );
  return {
    checkedAt: toIso(fn.versionsCheckedAt),
    versions: versions.map((version, i) => ({
      version: version.version,
      lastModified: version.lastModified.toISOString(),
      image: version.imageDigest ? digestSafety(version.imageDigest, images[i] ?? null, rules, now) : null,
    })),
    aliases: aliases.map((alias) => {
      const weight = alias.additionalWeight ?? 0;
      return {
        name: alias.name,
        routes: [
          { version: alias.functionVersion, weight: 1 - weight },
          ...(alias.additionalVersion ? [{ version: alias.additionalVersion, weight }] : []),
        ],
      };
    }),
  };
}
