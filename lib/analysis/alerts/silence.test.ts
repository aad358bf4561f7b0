import { describe, expect, it } from "vitest";
import { coveringSilence, matchesSilence, type SilenceableAlert, silencePresetEnd } from "./silence";

const alert: SilenceableAlert = {
  rule: "failed",
  team: "payments",
  accountId: "111122223333",
  region: "eu-west-1",
  environment: "prod",
  functionName: "orders-api-prod",
  groupKey: "rule=failed,team=payments",
};
const NOW = new Date("2026-12-07T20:30:00Z");

describe("silence matchers", () => {
  it("match when every given matcher matches", () => {
    expect(matchesSilence(alert, { rule: "failed", team: "payments" })).toBe(true);
    expect(matchesSilence(alert, { rule: "failed", team: "search" })).toBe(false);
    expect(matchesSilence(alert, { accountId: "111122223333", region: "eu-west-1", environment: "prod" })).toBe(true);
    expect(matchesSilence(alert, { groupKey: "rule=failed,team=payments" })).toBe(true);
    expect(matchesSilence({ ...alert, team: null }, { team: "payments" })).toBe(false);
  });

  it("match function names by glob, whole name only", () => {
    expect(matchesSilence(alert, { functionPattern: "orders-*" })).toBe(true);
    expect(matchesSilence(alert, { functionPattern: "orders-api-pro?" })).toBe(true);
    expect(matchesSilence(alert, { functionPattern: "orders" })).toBe(false);
    expect(matchesSilence(alert, { functionPattern: "orders.api*" })).toBe(false);
    expect(matchesSilence({ ...alert, functionName: null }, { functionPattern: "*" })).toBe(false);
  });

  it("never match with no matchers", () => {
    expect(matchesSilence(alert, {})).toBe(false);
  });

  it("cover with the active silence that ends last", () => {
    const silence = (id: string, endsAt: string, extra = {}) => ({
      id,
      matchers: { rule: "failed" },
      startsAt: new Date("2026-12-07T20:00:00Z"),
      endsAt: new Date(endsAt),
      liftedAt: null,
      ...extra,
    });
    const silences = [
      silence("short", "2026-12-07T21:00:00Z"),
      silence("long", "2026-12-08T09:00:00Z"),
      silence("lifted", "2026-12-20T00:00:00Z", { liftedAt: NOW }),
      silence("expired", "2026-12-07T20:30:00Z"),
    ];
    expect(coveringSilence(alert, silences, NOW)).toEqual({ id: "long", until: new Date("2026-12-08T09:00:00Z") });
    expect(coveringSilence(alert, silences.slice(2), NOW)).toBeNull();
  });
});

describe("silence presets", () => {
  it("end in an hour, tomorrow at 09:00 local time, or in a week", () => {
    expect(silencePresetEnd("1h", NOW, "UTC")).toEqual(new Date("2026-12-07T21:30:00Z"));
    expect(silencePresetEnd("tomorrow-9", NOW, "UTC")).toEqual(new Date("2026-12-08T09:00:00Z"));
    expect(silencePresetEnd("tomorrow-9", NOW, "Europe/Berlin")).toEqual(new Date("2026-12-08T08:00:00Z"));
    // 20:30 UTC is already the 8th in Tokyo: tomorrow there is the 9th.
    expect(silencePresetEnd("tomorrow-9", NOW, "Asia/Tokyo")).toEqual(new Date("2026-12-09T00:00:00Z"));
    expect(silencePresetEnd("1w", NOW, "UTC")).toEqual(new Date("2026-12-14T20:30:00Z"));
  });
});
