import { describe, expect, it } from "vitest";
import { idleDistribution, learnIdleThresholds, thresholdInForce } from "./idle-threshold";

const image = (region: string, idleDays: number) => ({ packageType: "Image", region, idleDays });

describe("learned idle threshold", () => {
  it("summarises idle days at transition: n, min, p10, median, max", () => {
    const days = [15, 13.2, 14, 14.5, 13.8, 14.1, 14.9, 13.5, 14.2, 14.7];
    expect(idleDistribution(days)).toEqual({ n: 10, min: 13.2, p10: 13.2, median: 14.1, max: 15 });
    expect(idleDistribution([])).toBeNull();
  });

  it("groups by package type, and by region only where the region has enough samples", () => {
    const samples = [
      ...[13.5, 14, 14.5].map((d) => image("us-east-1", d)),
      image("eu-west-1", 20),
      { packageType: "Zip", region: "us-east-1", idleDays: 30 },
    ];
    const learned = learnIdleThresholds(samples, 3);
    expect(learned.byPackageType.Image).toMatchObject({ n: 4, min: 13.5, max: 20 });
    expect(learned.byPackageType.Zip).toMatchObject({ n: 1, median: 30 });
    expect(Object.keys(learned.byRegion.Image ?? {})).toEqual(["us-east-1"]);
    expect(learned.byRegion.Zip).toBeUndefined();
  });

  it("uses a pinned threshold first, then the learned p10 from enough samples, else the default", () => {
    const learned = learnIdleThresholds(
      Array.from({ length: 12 }, (_, i) => image("us-east-1", 13 + i * 0.2)),
      10,
    );
    const settings = { defaultDays: 14, minSamples: 10 };
    expect(thresholdInForce(learned, "Image", { ...settings, pinnedDays: 21 })).toMatchObject({
      thresholdDays: 21,
      source: "configured",
    });
    const inForce = thresholdInForce(learned, "Image", { ...settings, pinnedDays: undefined });
    expect(inForce).toMatchObject({ thresholdDays: 13.2, source: "learned" });
    expect(inForce.reason).toContain("12 Image functions");
    expect(thresholdInForce(learned, "Zip", { ...settings, pinnedDays: undefined })).toMatchObject({
      thresholdDays: 14,
      source: "default",
      reason: "default: 0 of 10 observed transitions needed to learn it",
    });
    const few = learnIdleThresholds([image("us-east-1", 9)], 10);
    expect(thresholdInForce(few, "Image", { ...settings, pinnedDays: undefined }).source).toBe("default");
  });
});
