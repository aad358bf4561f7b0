import { describe, expect, it } from "vitest";
import { TokenBucket } from "./rate-limit";

describe("TokenBucket", () => {
  it("lets one second of quota through at once, then paces at the rate", () => {
    let now = 0;
    const bucket = new TokenBucket(4, () => now);
    expect([1, 2, 3, 4].map(() => bucket.reserve())).toEqual([0, 0, 0, 0]);
    expect(bucket.reserve()).toBe(250);
    expect(bucket.reserve()).toBe(500);
    now = 10_000;
    expect(bucket.reserve()).toBe(0);
  });

  it("halves its rate when throttled and climbs back on success, never above the quota", () => {
    const bucket = new TokenBucket(32, () => 0);
    bucket.onThrottled();
    bucket.onThrottled();
    expect(bucket.currentRate).toBe(8);
    for (let i = 0; i < 100; i++) bucket.onSuccess();
    expect(bucket.currentRate).toBe(32);
    for (let i = 0; i < 20; i++) bucket.onThrottled();
    expect(bucket.currentRate).toBe(0.5);
  });
});
