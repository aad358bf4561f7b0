import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./csrf";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows a burst, then refuses with the time until the next token", () => {
    const limiter = createRateLimiter(60, 3);
    const t = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take("a", t).allowed)).toEqual([true, true, true]);
    expect(limiter.take("a", t)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take("b", t).allowed).toBe(true);
    expect(limiter.take("a", t + 1000).allowed).toBe(true);
  });
});

describe("isCrossSiteWrite", () => {
  it("flags writes whose Origin is another site", () => {
    expect(isCrossSiteWrite("POST", "https://evil.example", "fleet.corp:3000")).toBe(true);
    expect(isCrossSiteWrite("POST", "http://fleet.corp:3000", "fleet.corp:3000")).toBe(false);
    expect(isCrossSiteWrite("POST", "null", "fleet.corp:3000")).toBe(true);
    expect(isCrossSiteWrite("GET", "https://evil.example", "fleet.corp:3000")).toBe(false);
    expect(isCrossSiteWrite("DELETE", null, "fleet.corp:3000")).toBe(false);
  });
});
