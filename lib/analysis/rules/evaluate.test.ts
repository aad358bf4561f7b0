import { describe, expect, it } from "vitest";
import { evaluateRules, RULES } from "./evaluate";
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

  it("has fourteen rules with distinct fingerprints for one function", () => {
    expect(RULES).toHaveLength(14);
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
});
