// Lifecycle guard, versions and aliases, and scan coverage: the collector and the rules against
// the simulator's ground truth.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { storedVerdict } from "@/lib/analysis/lifecycle-policy";
import { DEFAULT_RULE_CONFIG } from "@/lib/analysis/rules/config";
import { DEFAULT_ENVIRONMENT_CONFIG, functionEnvironment } from "@/lib/analysis/rules/environment";
import type { Severity } from "@/lib/analysis/rules/finding";
import { SCAN_ELIGIBILITY_EXPIRED } from "@/lib/analysis/rules/scan-coverage-lapsed";
import { lowerSeverity } from "@/lib/analysis/rules/severity";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import { configSchema } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import type { DigestInUseTruth, FunctionTruth, ImageSafetyTruth } from "@/lib/simulator/truth";
import { type SimulatedFleet, simulatedFleet } from "./simulated-fleet";

let fleet: SimulatedFleet;
let images: FunctionTruth[];
let safety: Map<string, ImageSafetyTruth>;
let now: Date;

beforeAll(async () => {
  fleet = await simulatedFleet({ seed: 19, functions: 160 });
  // A day in: enhanced scans of idle images lapse, and the "age-soon" policies near their dates.
  fleet.sim.clock.advance(2 * DAY_MS);
  await fleet.collector.runCycle("manual");
  now = fleet.sim.truth.now();
  await evaluateAlerts({ now, config: configSchema.parse({}) });
  images = fleet.sim.truth.functions({ packageType: "Image" }).filter((fn) => !fn.imageFate);
  safety = new Map(images.map((fn) => [fn.name, fleet.sim.truth.imageSafety(fn.name)]));
});

afterAll(() => fleet?.close());

const functionId = (fn: FunctionTruth) => `${fn.accountId}:${fn.region}:${fn.name}`;

async function storedImage(fn: FunctionTruth, digest: string) {
  return db.image.findFirst({
    where: { digest, registryId: fn.image!.registryId, repository: fn.image!.repositoryName },
  });
}

async function openAlerts(rule: string) {
  const alerts = await db.alert.findMany({ where: { rule, state: "open" } });
  return new Map(alerts.map((alert) => [alert.functionName!, alert]));
}

/** The truth's verdict, in the stored form's terms. */
function expectedVerdict(digest: DigestInUseTruth) {
  const lifecycle = digest.lifecycle;
  if (!lifecycle) return { status: "no-policy" };
  if (lifecycle.status === "cannot-evaluate")
    return { status: "cannot-evaluate", rulePriority: lifecycle.rulePriority };
  return lifecycle;
}

/** When the truth's verdict should raise image-expiry-risk, and how hard. */
function expectedSeverity(digest: DigestInUseTruth): "critical" | "warning" | null {
  const lifecycle = digest.lifecycle;
  if (lifecycle?.status !== "expires") return null;
  const { warningDays, warningPushes } = DEFAULT_RULE_CONFIG.lifecycle;
  if (lifecycle.expiresAt) {
    const hours = (lifecycle.expiresAt.getTime() - now.getTime()) / HOUR_MS;
    return hours <= 24 ? "critical" : hours <= warningDays * 24 ? "warning" : null;
  }
  const pushes = lifecycle.pushesLeft ?? Number.POSITIVE_INFINITY;
  return pushes <= 1 ? "critical" : pushes <= warningPushes ? "warning" : null;
}

describe("image safety on the simulated fleet", () => {
  it("stores every version's digest and every alias's weighted routing exactly", async () => {
    let canaries = 0;
    for (const fn of images) {
      const truth = safety.get(fn.name)!;
      const versions = await db.functionVersion.findMany({
        where: { functionId: functionId(fn) },
        orderBy: { lastModified: "asc" },
      });
      expect(
        versions.map((v) => ({ version: v.version, digest: v.imageDigest })),
        fn.name,
      ).toEqual(truth.versions);
      const aliases = await db.functionAlias.findMany({ where: { functionId: functionId(fn) } });
      expect(
        aliases.map((a) => ({
          name: a.name,
          version: a.functionVersion,
          additionalVersionWeights: a.additionalVersion ? { [a.additionalVersion]: a.additionalWeight } : {},
        })),
        fn.name,
      ).toEqual(truth.aliases);
      canaries += truth.aliases.filter((a) => Object.keys(a.additionalVersionWeights).length > 0).length;
    }
    expect(canaries).toBeGreaterThan(0);
  });

  it("evaluates the lifecycle policy for every digest in use, with the right rule and expiry", async () => {
    const seen = new Set<string>();
    for (const fn of images) {
      for (const digest of safety.get(fn.name)!.digests) {
        const row = await storedImage(fn, digest.digest);
        const stored = row?.lifecycle ? storedVerdict.parse(JSON.parse(row.lifecycle)) : null;
        expect(stored, `${fn.name} ${digest.usedBy.join(", ")}`).toMatchObject(expectedVerdict(digest));
        if (stored) seen.add(stored.status);
      }
    }
    // The fleet exercises every outcome.
    expect([...seen].sort()).toEqual(["cannot-evaluate", "expires", "kept", "no-policy"]);
  });

  it("raises image-expiry-risk on exactly the functions a rule will break, worst digest first", async () => {
    const alerts = await openAlerts("image-expiry-risk");
    const expected = new Map<string, Severity>();
    for (const fn of images) {
      const severities = safety.get(fn.name)!.digests.map(expectedSeverity);
      const worst = severities.includes("critical") ? "critical" : severities.includes("warning") ? "warning" : null;
      // Outside production (a -dev/-qa/-staging name or an env tag) the rule raises one level lower.
      const production = functionEnvironment(fn, DEFAULT_ENVIRONMENT_CONFIG).production;
      if (worst) expected.set(fn.name, production ? worst : lowerSeverity(worst));
    }
    expect([...expected.values()]).toContain("critical");
    expect([...expected.values()]).toContain("warning");
    expect(new Map([...alerts].map(([name, alert]) => [name, alert.severity]))).toEqual(expected);
    // A canary version's digest is covered, not only $LATEST's.
    const throughAlias = [...alerts.values()].filter((alert) => /alias live \(10 %\)/.test(alert.reason));
    expect(throughAlias.length).toBeGreaterThan(0);
  });

  it("raises scan-coverage-lapsed on exactly the functions whose images are no longer scanned", async () => {
    const maxAgeMs = DEFAULT_RULE_CONFIG.scanMaxAgeDays * DAY_MS;
    const lapsed = (digest: DigestInUseTruth) =>
      digest.scan !== null &&
      (digest.scan.status === SCAN_ELIGIBILITY_EXPIRED ||
        Math.floor((now.getTime() - digest.scan.completedAt.getTime()) / DAY_MS) > maxAgeMs / DAY_MS);
    const expected = images.filter((fn) => safety.get(fn.name)!.digests.some(lapsed)).map((fn) => fn.name);
    const alerts = await openAlerts("scan-coverage-lapsed");
    expect([...alerts.keys()].sort()).toEqual(expected.sort());
    expect([...alerts.values()].some((alert) => alert.reason.includes(SCAN_ELIGIBILITY_EXPIRED))).toBe(true);
    // Stored scan dates are the simulator's.
    for (const fn of images) {
      for (const digest of safety.get(fn.name)!.digests) {
        if (!digest.scan) continue;
        const row = await storedImage(fn, digest.digest);
        expect(row?.scanStatus).toBe(digest.scan.status);
        expect(row?.scanCompletedAt).toEqual(digest.scan.completedAt);
      }
    }
  });
});
