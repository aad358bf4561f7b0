import { describe, expect, it } from "vitest";
import type { BaseImageRelease, LineageResult } from "../lineage";
import { baseImageBehind } from "./base-image-behind";
import { deprecatedRuntime, effectiveRuntime } from "./deprecated-runtime";
import { imageAtRisk } from "./image-at-risk";
import { imageExpiryRisk } from "./image-expiry-risk";
import { imageFindings } from "./image-findings";
import { imageSizeNearLimit } from "./image-size-near-limit";
import { oldImage } from "./old-image";
import { scanCoverageLapsed } from "./scan-coverage-lapsed";
import { CONFIG, DIGEST, daysAgo, facts, image, NOW } from "./test-fixtures";

const release = (version: string, publishedAt: Date): BaseImageRelease => ({
  runtime: "python3.12",
  repository: "public.ecr.aws/lambda/python:3.12",
  version,
  publishedAt,
  layers: [version],
});

const behind = (releasesBehind: number, newerSinceDays: number): LineageResult => ({
  kind: "matched",
  runtime: "python3.12",
  release: release("3.12.2026.08.01", daysAgo(newerSinceDays + 7)),
  newest: release("3.12.2026.11.20", daysAgo(2)),
  releasesBehind,
  newerAvailableSince: releasesBehind === 0 ? null : daysAgo(newerSinceDays),
});

describe("base-image-behind", () => {
  it("is silent on the newest release or without a match", () => {
    expect(baseImageBehind(facts({ image: image({ lineage: behind(0, 0) }) }), CONFIG, NOW)).toBeNull();
    expect(baseImageBehind(facts({ image: image({ lineage: { kind: "unknown" } }) }), CONFIG, NOW)).toBeNull();
    expect(baseImageBehind(facts({ image: image({ lineage: null }) }), CONFIG, NOW)).toBeNull();
    expect(baseImageBehind(facts({ image: null }), CONFIG, NOW)).toBeNull();
  });

  it.each([
    [1, 5, "info"],
    [2, 29, "info"],
    [3, 5, "warning"],
    [1, 30, "warning"],
    [9, 89, "warning"],
    // Hygiene: however far behind, never critical.
    [30, 400, "warning"],
  ] as const)("%d behind, newer for %d days → %s", (count, days, severity) => {
    expect(baseImageBehind(facts({ image: image({ lineage: behind(count, days) }) }), CONFIG, NOW)?.severity).toBe(
      severity,
    );
  });

  it("says which release, how many behind and since when, keyed by digest", () => {
    const finding = baseImageBehind(facts({ image: image({ lineage: behind(4, 54) }) }), CONFIG, NOW);
    expect(finding?.reason).toBe(
      "Built on public.ecr.aws/lambda/python:3.12 3.12.2026.08.01, 4 releases behind 3.12.2026.11.20; a newer one exists since 2026-10-08 (54 d)",
    );
    expect(finding?.evidence).toMatchObject({ releasesBehind: 4, daysBehind: 54, newest: "3.12.2026.11.20" });
    expect(finding?.fingerprint).toBe(`base-image-behind:111122223333:eu-west-1:orders-api:${DIGEST}`);
    expect(baseImageBehind(facts({ image: image({ lineage: behind(1, 1) }) }), CONFIG, NOW)?.reason).toContain(
      "1 release behind",
    );
  });
});

describe("deprecated-runtime", () => {
  const zip = (runtime: string) => facts({ packageType: "Zip", runtime, image: null });
  const at = (iso: string) => new Date(iso);

  it("informs within 60 days and warns once deprecated", () => {
    // nodejs22.x is deprecated on 2027-04-30.
    expect(deprecatedRuntime(zip("nodejs22.x"), CONFIG, at("2027-02-28T23:59:59Z"))).toBeNull();
    const soon = deprecatedRuntime(zip("nodejs22.x"), CONFIG, at("2027-03-01T00:00:00Z"));
    expect(soon).toMatchObject({
      severity: "info",
      reason: "Runtime nodejs22.x is deprecated on 2027-04-30 (in 60 d)",
    });
    const past = deprecatedRuntime(zip("nodejs22.x"), CONFIG, at("2027-04-30T00:00:00Z"));
    expect(past).toMatchObject({
      severity: "warning",
      reason: "Runtime nodejs22.x deprecated since 2027-04-30: no more security patches",
      evidence: { runtime: "nodejs22.x", deprecated: true, deprecatedOn: "2027-04-30", daysUntilDeprecation: null },
    });
  });

  it("is critical only within 14 days before AWS blocks updates of a Zip function", () => {
    // python3.9: deprecated 2025-12-15, updates blocked from 2027-03-03.
    expect(deprecatedRuntime(zip("python3.9"), CONFIG, at("2027-02-16T23:59:59Z"))?.severity).toBe("warning");
    const soon = deprecatedRuntime(zip("python3.9"), CONFIG, at("2027-02-17T00:00:00Z"));
    expect(soon).toMatchObject({
      severity: "critical",
      reason:
        "Runtime python3.9 deprecated since 2025-12-15: no more security patches; AWS blocks updates on 2027-03-03 (in 14 d)",
      evidence: { blockUpdateOn: "2027-03-03" },
    });
    const blocked = deprecatedRuntime(zip("python3.9"), CONFIG, at("2027-03-03T00:00:00Z"));
    expect(blocked).toMatchObject({ severity: "warning" });
    expect(blocked?.reason).toContain("AWS blocks updates since 2027-03-03");
    // AWS blocks nothing for image functions: a python3.9 base image stays a warning.
    const imageFn = facts({ image: image({ baseRuntime: "python3.9" }) });
    expect(deprecatedRuntime(imageFn, CONFIG, at("2027-02-20T00:00:00Z"))).toMatchObject({
      severity: "warning",
      evidence: { blockUpdateOn: null },
    });
  });

  it("uses the base image runtime for images, not keyed by digest", () => {
    const finding = deprecatedRuntime(facts({ image: image({ baseRuntime: "python3.8" }) }), CONFIG, NOW);
    expect(finding?.reason).toBe("Base image runtime python3.8 deprecated since 2024-10-14: no more security patches");
    expect(finding?.fingerprint).toBe("deprecated-runtime:111122223333:eu-west-1:orders-api");
  });

  it("is silent for supported, unknown or undated runtimes", () => {
    expect(deprecatedRuntime(zip("python3.13"), CONFIG, NOW)).toBeNull();
    expect(deprecatedRuntime(zip("rust9"), CONFIG, NOW)).toBeNull();
    expect(deprecatedRuntime(zip("provided.al2"), CONFIG, NOW)).toBeNull();
    expect(deprecatedRuntime(facts({ image: image({ lineage: { kind: "unknown" } }) }), CONFIG, NOW)).toBeNull();
  });

  it("finds the runtime of a Zip function, or an image's base from annotation or lineage", () => {
    expect(effectiveRuntime(zip("java17"))).toBe("java17");
    expect(effectiveRuntime(facts({ image: image({ baseRuntime: "ruby3.3", lineage: behind(1, 1) }) }))).toBe(
      "ruby3.3",
    );
    expect(effectiveRuntime(facts({ image: image({ lineage: behind(1, 1) }) }))).toBe("python3.12");
    expect(effectiveRuntime(facts({ image: null }))).toBeNull();
    expect(effectiveRuntime(facts({ image: image() }))).toBeNull();
  });
});

describe("image-findings", () => {
  const counts = (critical: number, high: number, medium = 0, low = 0) =>
    facts({ image: image({ findings: { critical, high, medium, low } }) });

  it("warns for critical findings and informs for high ones: never critical", () => {
    expect(imageFindings(counts(1, 3), CONFIG)).toMatchObject({
      severity: "warning",
      reason: "Image scan of 2026-11-30: 1 critical, 3 high",
    });
    expect(imageFindings(counts(0, 1, 9), CONFIG)).toMatchObject({
      severity: "info",
      reason: "Image scan of 2026-11-30: 1 high",
    });
    expect(imageFindings(counts(0, 0, 5, 5), CONFIG)).toBeNull();
    expect(imageFindings(facts({ image: image({ findings: null }) }), CONFIG)).toBeNull();
  });

  it("alerts on the configured severities only", () => {
    const criticalOnly = { ...CONFIG, findingSeverities: ["critical"] as const };
    expect(imageFindings(counts(0, 4), criticalOnly)).toBeNull();
    const withMedium = { ...CONFIG, findingSeverities: ["critical", "high", "medium"] as const };
    expect(imageFindings(counts(0, 0, 2), withMedium)).toMatchObject({
      severity: "info",
      reason: "Image scan of 2026-11-30: 2 medium",
    });
  });

  it("is keyed by digest and carries the counts", () => {
    expect(imageFindings(counts(2, 0), CONFIG)).toMatchObject({
      fingerprint: `image-findings:111122223333:eu-west-1:orders-api:${DIGEST}`,
      evidence: { critical: 2, high: 0, medium: 0, low: 0, imageDigest: DIGEST },
    });
  });
});

describe("old-image", () => {
  it("fires past the age limit when lineage is unknown", () => {
    expect(oldImage(facts({ image: image({ pushedAt: daysAgo(90) }) }), CONFIG, NOW)).toBeNull();
    const finding = oldImage(facts({ image: image({ pushedAt: daysAgo(91) }) }), CONFIG, NOW);
    expect(finding).toMatchObject({ severity: "info", evidence: { ageDays: 91, limitDays: 90 } });
    expect(finding?.reason).toBe(
      "Image pushed 91 days ago (2026-09-01), base image unknown: probably unpatched (limit 90 d)",
    );
    expect(
      oldImage(facts({ image: image({ pushedAt: daysAgo(91), lineage: { kind: "unknown" } }) }), CONFIG, NOW),
    ).not.toBeNull();
  });

  it("leaves the judgement to lineage when the base is known", () => {
    expect(
      oldImage(facts({ image: image({ pushedAt: daysAgo(400), lineage: behind(0, 0) }) }), CONFIG, NOW),
    ).toBeNull();
  });

  it("needs a push date", () => {
    expect(oldImage(facts({ image: image({ pushedAt: null }) }), CONFIG, NOW)).toBeNull();
  });
});

describe("image-at-risk", () => {
  it("is critical when the digest is gone and a warning when untagged", () => {
    expect(imageAtRisk(facts({ image: image({ missing: true }) }))).toMatchObject({
      severity: "critical",
      fingerprint: `image-at-risk:111122223333:eu-west-1:orders-api:${DIGEST}`,
    });
    expect(imageAtRisk(facts({ image: image({ tagged: false }) }))?.severity).toBe("warning");
    expect(imageAtRisk(facts())).toBeNull();
  });

  it("leaves an already Failed function to the failed rule", () => {
    expect(imageAtRisk(facts({ state: "Failed", image: image({ missing: true }) }))).toBeNull();
  });

  it("covers a digest only a version or an alias runs, deleted ones first", () => {
    const pinned = (digest: string, overrides: Parameters<typeof image>[0], usedBy: string[]) => ({
      image: image({ digest, ...overrides }),
      usedBy,
    });
    const finding = imageAtRisk(
      facts({
        pinnedImages: [
          pinned("sha256:untagged", { tagged: false }, ["version 2"]),
          pinned("sha256:gone", { missing: true }, ["version 3", "alias live (10 %)"]),
        ],
      }),
    );
    expect(finding).toMatchObject({
      severity: "critical",
      reason: "The digest version 3, alias live (10 %) runs is gone from its repository: invocations through it fail",
      evidence: { imageDigest: "sha256:gone", moreDigestsAtRisk: 1 },
      fingerprint: "image-at-risk:111122223333:eu-west-1:orders-api:sha256:gone",
    });
    // A Failed $LATEST does not hide a version's deleted digest.
    expect(
      imageAtRisk(facts({ state: "Failed", pinnedImages: [pinned("sha256:gone", { missing: true }, ["version 3"])] })),
    ).not.toBeNull();
  });
});

describe("image-size-near-limit", () => {
  const GiB = 1024 ** 3;
  const sized = (bytes: number | null) => facts({ image: image({ sizeBytes: bytes }) });

  it("informs within 10% of 10 GiB and warns at the limit", () => {
    expect(imageSizeNearLimit(sized(9 * GiB - 1), CONFIG)).toBeNull();
    expect(imageSizeNearLimit(sized(9 * GiB), CONFIG)).toMatchObject({
      severity: "info",
      reason: "Image is 9.0 GiB compressed, within 10% of the 10.0 GiB limit",
    });
    expect(imageSizeNearLimit(sized(10 * GiB - 1), CONFIG)?.severity).toBe("info");
    expect(imageSizeNearLimit(sized(10 * GiB), CONFIG)).toMatchObject({
      severity: "warning",
      reason: "Image is 10.0 GiB compressed, at or over the 10.0 GiB limit",
    });
  });

  it("follows the configured margin and needs a size", () => {
    const config = { ...CONFIG, imageSize: { limitBytes: 10 * GiB, marginRatio: 0.2 } };
    expect(imageSizeNearLimit(sized(8 * GiB), config)?.reason).toContain("within 20% of");
    expect(imageSizeNearLimit(sized(null), CONFIG)).toBeNull();
  });
});

describe("image-expiry-risk", () => {
  const expiring = (expiresAt: Date | null, pushesLeft: number | null) =>
    image({
      lifecycle: { status: "expires", rulePriority: 3, rule: "keep last 10 tagged prod-*", expiresAt, pushesLeft },
    });

  it.each([
    [daysAgo(-0.5), null, "critical"],
    [daysAgo(1), null, "critical"],
    [daysAgo(-4), null, "warning"],
    [daysAgo(-40), null, null],
    [null, 0, "critical"],
    [null, 1, "critical"],
    [null, 3, "warning"],
    [null, 9, null],
  ] as const)("expiry %s / %s pushes left → %s", (expiresAt, pushesLeft, severity) => {
    const finding = imageExpiryRisk(facts({ image: expiring(expiresAt, pushesLeft) }), CONFIG, NOW);
    expect(finding?.severity ?? null).toBe(severity);
  });

  it("names the rule and when, keyed by digest", () => {
    const finding = imageExpiryRisk(facts({ image: expiring(daysAgo(-4), null) }), CONFIG, NOW);
    expect(finding?.reason).toBe(
      "Rule 3 (keep last 10 tagged prod-*) will expire the image $LATEST runs in ~4 days (2026-12-05)",
    );
    expect(finding?.fingerprint).toBe(`image-expiry-risk:111122223333:eu-west-1:orders-api:${DIGEST}`);
    expect(imageExpiryRisk(facts({ image: expiring(null, 1) }), CONFIG, NOW)?.reason).toContain(
      "at the next push of a matching image",
    );
  });

  it("covers digests only versions and aliases run, worst first", () => {
    const pinned = { ...expiring(null, 1), digest: "sha256:pinned" };
    const finding = imageExpiryRisk(
      facts({
        image: expiring(daysAgo(-10), null),
        pinnedImages: [{ image: pinned, usedBy: ["version 4", "alias live (10 %)"] }],
      }),
      CONFIG,
      NOW,
    );
    expect(finding).toMatchObject({
      severity: "critical",
      evidence: { imageDigest: "sha256:pinned", moreDigestsAtRisk: 1 },
    });
    expect(finding?.reason).toContain("the image version 4, alias live (10 %) runs at the next push");
  });

  it("is silent when the policy keeps the image, cannot evaluate it, or the image is gone", () => {
    expect(imageExpiryRisk(facts({ image: image({ lifecycle: { status: "kept" } }) }), CONFIG, NOW)).toBeNull();
    const cannot = image({ lifecycle: { status: "cannot-evaluate", rulePriority: 1, reason: "x" } });
    expect(imageExpiryRisk(facts({ image: cannot }), CONFIG, NOW)).toBeNull();
    expect(imageExpiryRisk(facts({ image: { ...expiring(null, 0), missing: true } }), CONFIG, NOW)).toBeNull();
  });
});

describe("scan-coverage-lapsed", () => {
  it("fires when Inspector stopped re-scanning, with what to do", () => {
    const finding = scanCoverageLapsed(
      facts({ image: image({ scanStatus: "SCAN_ELIGIBILITY_EXPIRED", scanCompletedAt: daysAgo(20) }) }),
      CONFIG,
      NOW,
    );
    expect(finding?.severity).toBe("warning");
    expect(finding?.reason).toContain("SCAN_ELIGIBILITY_EXPIRED; last scan 2026-11-11");
    expect(finding?.reason).toContain("extend Inspector's ECR re-scan duration");
  });

  it("fires when the last completed scan is older than the limit, not at it", () => {
    expect(scanCoverageLapsed(facts({ image: image({ scanCompletedAt: daysAgo(14.5) }) }), CONFIG, NOW)).toBeNull();
    expect(
      scanCoverageLapsed(facts({ image: image({ scanCompletedAt: daysAgo(15) }) }), CONFIG, NOW)?.evidence,
    ).toMatchObject({ scanCompletedAt: daysAgo(15).toISOString(), maxAgeDays: 14 });
  });

  it("is silent for never-scanned or deleted images", () => {
    expect(
      scanCoverageLapsed(facts({ image: image({ scanStatus: null, scanCompletedAt: null }) }), CONFIG, NOW),
    ).toBeNull();
    const gone = image({ scanStatus: "SCAN_ELIGIBILITY_EXPIRED", missing: true });
    expect(scanCoverageLapsed(facts({ image: gone }), CONFIG, NOW)).toBeNull();
  });
});
