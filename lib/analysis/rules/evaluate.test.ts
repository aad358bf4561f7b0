import { describe, expect, it } from "vitest";
import { evaluateRules, RULE_EVALUATORS } from "./evaluate";
import { RULE_IDS, RULE_REGISTRY } from "./registry";
import { CONFIG, daysAgo, facts, image, NOW } from "./test-fixtures";

describe("evaluateRules", () => {
  it("finds nothing for a healthy function", () => {
    expect(evaluateRules(facts(), CONFIG, NOW)).toEqual([]);
  });

  it("runs every rule and reports in rule order", () => {
    const findings = evaluateRules(
      facts({
        state: "Failed",
        stateReasonCode: "ImageDeleted",
        lastUpdateStatus: "Failed",
        lastInvokedAt: daysAgo(20),
        image: image({
          missing: true,
          pushedAt: daysAgo(200),
          sizeBytes: 10 * 1024 ** 3,
          findings: { critical: 1, high: 0, medium: 0, low: 0 },
          baseRuntime: "python3.8",
        }),
      }),
      CONFIG,
      NOW,
    );
    expect(findings.map((f) => f.rule)).toEqual([
      "failed",
      "update-failed",
      "deprecated-runtime",
      "image-findings",
      "old-image",
      "image-size-near-limit",
    ]);
  });

  it("has an evaluator for exactly the registered rules, with distinct fingerprints for one function", () => {
    expect(Object.keys(RULE_EVALUATORS).sort()).toEqual([...RULE_IDS].sort());
    const active = evaluateRules(
      facts({
        lastInvokedAt: daysAgo(11),
        image: image({
          tagged: false,
          pushedAt: daysAgo(100),
          scanCompletedAt: daysAgo(100),
          lifecycle: { status: "expires", rulePriority: 1, rule: "keep 1", expiresAt: null, pushesLeft: 1 },
        }),
        coldStarts: {
          thisWeek: { coldStarts: 100, invocations: 1000, initP95Ms: 900 },
          previousWeeks: [
            { coldStarts: 40, invocations: 1000, initP95Ms: 900 },
            { coldStarts: 40, invocations: 1000, initP95Ms: 900 },
          ],
        },
      }),
      CONFIG,
      NOW,
    );
    expect(active.map((f) => f.rule)).toEqual([
      "idle-near-inactive",
      "image-at-risk",
      "image-expiry-risk",
      "scan-coverage-lapsed",
      "old-image",
      "cold-start-regression",
    ]);
    expect(new Set(active.map((f) => f.fingerprint)).size).toBe(active.length);
  });

  it("lowers each severity one level outside production", () => {
    const broken = { state: "Failed", stateReasonCode: "ImageDeleted", image: image({ pushedAt: daysAgo(200) }) };
    const severities = (tags: Record<string, string>, name = "orders-api") =>
      evaluateRules(facts({ ...broken, tags, identity: { ...facts().identity, name } }), CONFIG, NOW).map((f) => [
        f.rule,
        f.severity,
      ]);
    expect(severities({ env: "prod" })).toEqual([
      ["failed", "critical"],
      ["old-image", "info"],
    ]);
    expect(severities({ env: "qa" })).toEqual([
      ["failed", "warning"],
      ["old-image", "info"],
    ]);
    expect(severities({}, "orders-api-dev")).toEqual([
      ["failed", "warning"],
      ["old-image", "info"],
    ]);
    // Unknown environment: production. Configured off: no lowering.
    expect(severities({})[0]).toEqual(["failed", "critical"]);
    const keep = { ...CONFIG, environment: { ...CONFIG.environment, lowerOutsideProduction: false } };
    expect(evaluateRules(facts({ ...broken, tags: { env: "dev" } }), keep, NOW)[0]?.severity).toBe("critical");
  });

  it("documents every rule in the registry", () => {
    for (const rule of Object.values(RULE_REGISTRY)) {
      expect(rule.label && rule.title && rule.severityPolicy && rule.meaning && rule.action).toBeTruthy();
      expect(rule.severities.length).toBeGreaterThan(0);
    }
    // Hygiene pages nobody, except a deprecated runtime days before AWS blocks updates.
    const criticalHygiene = Object.entries(RULE_REGISTRY).filter(
      ([, rule]) => rule.impact === "hygiene" && (rule.severities as readonly string[]).includes("critical"),
    );
    expect(criticalHygiene.map(([id]) => id)).toEqual(["deprecated-runtime"]);
  });
});
