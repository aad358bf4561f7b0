import { describe, expect, it } from "vitest";
import { MINUTE_MS } from "../time";
import { failed } from "./failed";
import { idleNearInactive } from "./idle-near-inactive";
import { inactive as inactiveRule } from "./inactive";
import { stuckPending } from "./stuck-pending";
import { CONFIG, DIGEST, daysAgo, facts, NOW } from "./test-fixtures";
import { updateFailed } from "./update-failed";

describe("idle-near-inactive", () => {
  it.each([
    [9.99, null],
    [10, "warning"],
    [12.99, "warning"],
    [13, "critical"],
    [14, "critical"],
    // Invoked more than 30 days ago: abandoned, nobody fails when it goes Inactive.
    [31, "info"],
  ] as const)("idle %f days → %s", (days, severity) => {
    expect(idleNearInactive(facts({ lastInvokedAt: daysAgo(days) }), CONFIG, NOW)?.severity ?? null).toBe(severity);
  });

  it("is only informative when no invocation was ever seen, however close the threshold", () => {
    const finding = idleNearInactive(facts({ lastInvokedAt: null, firstSeenAt: daysAgo(13.5) }), CONFIG, NOW);
    expect(finding).toMatchObject({ severity: "info", evidence: { inUse: false } });
  });

  it("gives the predicted date in one line, with evidence", () => {
    const finding = idleNearInactive(facts({ lastInvokedAt: new Date("2026-11-19T12:00:00Z") }), CONFIG, NOW);
    expect(finding).toMatchObject({
      rule: "idle-near-inactive",
      reason: "Idle 12 days; becomes Inactive around 2026-12-03 (threshold 14 d)",
      fingerprint: "idle-near-inactive:111122223333:eu-west-1:orders-api",
      evidence: {
        idleDays: 12,
        lastInvokedAt: "2026-11-19T12:00:00.000Z",
        predictedInactiveAt: "2026-12-03T12:00:00.000Z",
        idleSinceUnknown: false,
        thresholdDays: 14,
      },
    });
  });

  it("says when the threshold has passed", () => {
    expect(idleNearInactive(facts({ lastInvokedAt: daysAgo(15) }), CONFIG, NOW)?.reason).toBe(
      "Idle 15 days; past the threshold, may become Inactive at any time (threshold 14 d)",
    );
  });

  it("gives a latest date when no invocation was ever seen", () => {
    const finding = idleNearInactive(facts({ lastInvokedAt: null, firstSeenAt: daysAgo(11) }), CONFIG, NOW);
    expect(finding?.reason).toBe("No invocation seen in 11 days; becomes Inactive by 2026-12-04 (threshold 14 d)");
    expect(finding?.evidence.idleSinceUnknown).toBe(true);
  });

  it("applies only to Active functions of the configured package types", () => {
    const idle = { lastInvokedAt: daysAgo(12) };
    expect(idleNearInactive(facts({ ...idle, state: "Inactive" }), CONFIG, NOW)).toBeNull();
    expect(idleNearInactive(facts({ ...idle, state: null }), CONFIG, NOW)).toBeNull();
    expect(idleNearInactive(facts({ ...idle, packageType: "Zip", runtime: "python3.12" }), CONFIG, NOW)).toBeNull();
    const allTypes = { ...CONFIG, idle: { ...CONFIG.idle, packageTypes: ["Image", "Zip"] } };
    expect(idleNearInactive(facts({ ...idle, packageType: "Zip" }), allTypes, NOW)).not.toBeNull();
  });

  it("uses configured thresholds", () => {
    const config = { ...CONFIG, idle: { ...CONFIG.idle, thresholdDays: 7, warnDays: 3, criticalDays: 5 } };
    expect(idleNearInactive(facts({ lastInvokedAt: daysAgo(3) }), config, NOW)?.reason).toContain("(threshold 7 d)");
    expect(idleNearInactive(facts({ lastInvokedAt: daysAgo(2.9) }), config, NOW)).toBeNull();
  });
});

describe("inactive", () => {
  const inactive = (f: Parameters<typeof inactiveRule>[0]) => inactiveRule(f, CONFIG, NOW);

  it("spells out that the next invocation fails", () => {
    const finding = inactive(
      facts({
        state: "Inactive",
        stateReasonCode: "Idle",
        stateReason: "The function is inactive.",
        lastInvokedAt: daysAgo(20),
      }),
    );
    expect(finding).toMatchObject({ severity: "warning", title: "Inactive", evidence: { recentTraffic: false } });
    expect(finding?.reason).toBe(
      "Inactive (Idle): the next invocation will fail while the function goes back through Pending; Lambda reclaimed it after it sat idle",
    );
  });

  it("is critical when it had traffic in the last 14 days", () => {
    const called = inactive(facts({ state: "Inactive", stateReasonCode: "Idle", lastInvokedAt: daysAgo(14) }));
    expect(called).toMatchObject({ severity: "critical", evidence: { recentTraffic: true } });
    expect(called?.reason).toMatch(/it had traffic in the last 14 d$/);
    expect(inactive(facts({ state: "Inactive", lastInvokedAt: daysAgo(14.01) }))?.severity).toBe("warning");
    expect(inactive(facts({ state: "Inactive", lastInvokedAt: null }))?.severity).toBe("warning");
  });

  it("explains other reason codes", () => {
    expect(inactive(facts({ state: "Inactive", stateReasonCode: "SubnetOutOfIPAddresses" }))?.reason).toContain(
      "the function's subnets have no free IP addresses",
    );
  });

  it("ignores other states", () => {
    expect(inactive(facts({ state: "Active" }))).toBeNull();
    expect(inactive(facts({ state: "Failed", stateReasonCode: "Idle" }))).toBeNull();
  });
});

describe("failed", () => {
  it.each([
    ["ImageDeleted", "the deployed image was deleted from ECR"],
    ["ImageAccessDenied", "Lambda can no longer pull the image"],
    ["InvalidImage", "Lambda cannot use the image"],
    ["EniLimitExceeded", "VPC network interfaces"],
  ])("explains %s", (code, text) => {
    const finding = failed(facts({ state: "Failed", stateReasonCode: code }));
    expect(finding?.severity).toBe("critical");
    expect(finding?.reason).toMatch(new RegExp(`^Failed \\(${code}\\): invocations fail; .*${text}`));
    expect(finding?.evidence).toMatchObject({ stateReasonCode: code, imageDigest: DIGEST });
  });

  it("falls back to AWS's text for unknown codes, and says when there is none", () => {
    expect(
      failed(facts({ state: "Failed", stateReasonCode: "Brand new", stateReason: "Something broke" }))?.reason,
    ).toBe("Failed (Brand new): invocations fail; Something broke");
    expect(failed(facts({ state: "Failed" }))?.reason).toBe(
      "Failed (no reason code): invocations fail; AWS gave no reason",
    );
  });

  it("is silent for other states", () => {
    expect(failed(facts())).toBeNull();
  });
});

describe("update-failed", () => {
  it("fires on LastUpdateStatus Failed only", () => {
    const finding = updateFailed(
      facts({ lastUpdateStatus: "Failed", lastUpdateStatusReasonCode: "ImageAccessDenied" }),
    );
    expect(finding).toMatchObject({ severity: "warning", rule: "update-failed" });
    expect(finding?.reason).toMatch(
      /^Last update failed \(ImageAccessDenied\) and was not applied; Lambda can no longer/,
    );
    expect(updateFailed(facts({ lastUpdateStatus: "InProgress" }))).toBeNull();
    expect(updateFailed(facts({ lastUpdateStatus: null }))).toBeNull();
  });
});

describe("stuck-pending", () => {
  const pending = (minutes: number) =>
    facts({
      state: "Pending",
      stateReasonCode: "Creating",
      pendingSince: new Date(NOW.getTime() - minutes * MINUTE_MS),
    });

  it("fires only beyond the limit", () => {
    expect(stuckPending(pending(30), CONFIG, NOW)).toBeNull();
    const finding = stuckPending(pending(30.01), CONFIG, NOW);
    expect(finding?.severity).toBe("critical");
    expect(finding?.reason).toBe(
      "Pending for 30 min (limit 30 min), reason Creating; invocations fail until it is Active",
    );
    expect(stuckPending(pending(95), CONFIG, NOW)?.evidence.pendingMinutes).toBe(95);
  });

  it("honours a configured limit, and needs a Pending state with a start", () => {
    expect(stuckPending(pending(11), { ...CONFIG, stuckPendingMinutes: 10 }, NOW)).not.toBeNull();
    expect(stuckPending(facts({ state: "Pending", pendingSince: null }), CONFIG, NOW)).toBeNull();
    expect(stuckPending(facts({ state: "Active", pendingSince: new Date(0) }), CONFIG, NOW)).toBeNull();
  });
});
