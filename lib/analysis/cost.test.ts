import { describe, expect, it } from "vitest";
import { type CostInput, estimateCost, priceTableFor, US_EAST_1_PRICES } from "./cost";

const base: CostInput = {
  architecture: "x86_64",
  memoryMb: 1024,
  ephemeralMb: 512,
  invocations: 1_000_000,
  durationMs: 100_000_000,
  initDurationMs: 0,
  provisionedConcurrencySeconds: 0,
};

// Each expected figure is worked out by hand from the published us-east-1 prices.
describe("estimateCost", () => {
  it("bills requests and x86 compute: 1 M requests of 100 ms at 1 GB", () => {
    const cost = estimateCost(base, US_EAST_1_PRICES);
    expect(cost.requests).toBeCloseTo(0.2, 10); // 1,000,000 × $0.20 / 1 M
    expect(cost.compute).toBeCloseTo(1.66667, 10); // 100,000 s × 1 GB × $0.0000166667
    expect(cost.init).toBe(0);
    expect(cost.ephemeralStorage).toBe(0); // 512 MB is included
    expect(cost.total).toBeCloseTo(1.86667, 10);
  });

  it("bills arm64 at its own price, init of cold starts, and ephemeral storage above 512 MB", () => {
    const cost = estimateCost(
      {
        ...base,
        architecture: "arm64",
        memoryMb: 2048,
        ephemeralMb: 10_240,
        invocations: 500_000,
        durationMs: 50_000_000,
        initDurationMs: 20_000, // 10 cold starts of 2 s
      },
      US_EAST_1_PRICES,
    );
    expect(cost.requests).toBeCloseTo(0.1, 10);
    expect(cost.compute).toBeCloseTo(1.33334, 10); // 50,000 s × 2 GB × $0.0000133334
    expect(cost.initGbSeconds).toBeCloseTo(40, 10); // 20 s × 2 GB
    expect(cost.init).toBeCloseTo(0.000533336, 12); // 40 GB-s × $0.0000133334
    // (10,240 − 512) / 1,024 = 9.5 GB over 50,020 s of running time × $0.0000000309
    expect(cost.ephemeralStorage).toBeCloseTo(9.5 * 50_020 * 0.0000000309, 12);
    expect(cost.total).toBeCloseTo(0.1 + 1.33334 + 0.000533336 + 9.5 * 50_020 * 0.0000000309, 10);
  });

  it("bills provisioned concurrency for the time it is configured, by architecture", () => {
    const idle = { ...base, invocations: 0, durationMs: 0, provisionedConcurrencySeconds: 7200 }; // 2 for 1 h
    expect(estimateCost(idle, US_EAST_1_PRICES).provisionedConcurrency).toBeCloseTo(0.03000024, 10);
    expect(estimateCost({ ...idle, architecture: "arm64" }, US_EAST_1_PRICES).provisionedConcurrency).toBeCloseTo(
      0.02400048,
      10,
    );
    expect(estimateCost(idle, US_EAST_1_PRICES).total).toBeCloseTo(0.03000024, 10);
  });

  it("keeps what was not collected unknown: no total from a missing duration", () => {
    const cost = estimateCost({ ...base, durationMs: null }, US_EAST_1_PRICES);
    expect(cost.requests).toBeCloseTo(0.2, 10);
    expect(cost.compute).toBeNull();
    expect(cost.total).toBeNull();
    const noInit = estimateCost({ ...base, ephemeralMb: 1024, initDurationMs: null }, US_EAST_1_PRICES);
    expect(noInit.init).toBeNull();
    expect(noInit.ephemeralStorage).toBeNull();
  });

  it("takes a region's configured prices over the default table", () => {
    const table = priceTableFor("eu-central-1", US_EAST_1_PRICES, {
      "eu-central-1": { requestPerMillion: 0.3, architectures: { x86_64: { gbSecond: 0.00002 } } },
    });
    expect(table.requestPerMillion).toBe(0.3);
    expect(table.architectures.x86_64).toEqual({ gbSecond: 0.00002, provisionedGbSecond: 0.0000041667 });
    expect(table.architectures.arm64).toEqual(US_EAST_1_PRICES.architectures.arm64);
    expect(priceTableFor("us-west-2", US_EAST_1_PRICES, {})).toBe(US_EAST_1_PRICES);
  });
});
