import { DAY_MS } from "../time";
import { DEFAULT_RULE_CONFIG, type RuleConfig } from "./config";
import type { FunctionFacts, ImageFacts } from "./facts";

// Shared by the rule tests: a healthy, recently invoked, tagged image function.

export const NOW = new Date("2026-12-01T12:00:00Z");
export const CONFIG: RuleConfig = DEFAULT_RULE_CONFIG;
export const DIGEST = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

export function daysAgo(days: number): Date {
  return new Date(NOW.getTime() - days * DAY_MS);
}

export function image(overrides: Partial<ImageFacts> = {}): ImageFacts {
  return {
    digest: DIGEST,
    pushedAt: daysAgo(10),
    sizeBytes: 300 * 1024 ** 2,
    missing: false,
    tagged: true,
    findings: { critical: 0, high: 0, medium: 0, low: 0 },
    scanStatus: "COMPLETE",
    scanCompletedAt: daysAgo(1),
    lifecycle: null,
    lineage: null,
    baseRuntime: null,
    ...overrides,
  };
}

export function facts(overrides: Partial<FunctionFacts> = {}): FunctionFacts {
  return {
    identity: { accountId: "111122223333", region: "eu-west-1", name: "orders-api", team: "payments" },
    tags: { team: "payments", env: "prod" },
    packageType: "Image",
    runtime: null,
    state: "Active",
    stateReasonCode: null,
    stateReason: null,
    lastUpdateStatus: "Successful",
    lastUpdateStatusReasonCode: null,
    lastUpdateStatusReason: null,
    pendingSince: null,
    lastInvokedAt: daysAgo(0.1),
    firstSeenAt: daysAgo(200),
    image: image(),
    imageRepository: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/orders",
    pinnedImages: [],
    coldStarts: null,
    ...overrides,
  };
}
