import { describe, expect, it } from "vitest";
import type { AlertChannelConfig } from "@/lib/config/schema";
import type { DigestNotice } from "./notice";
import { channelsFor, routesAlert } from "./routing";

const channel = (name: string, overrides: Partial<AlertChannelConfig> = {}): AlertChannelConfig => ({
  name,
  type: "webhook",
  url: `https://hooks.example.com/${name}`,
  minSeverity: "warning",
  reports: true,
  ...overrides,
});

const alert = (overrides: Partial<Parameters<typeof routesAlert>[1]> = {}) => ({
  rule: "failed",
  severity: "critical" as const,
  team: "payments" as string | null,
  ...overrides,
});

const routed = (a: Parameters<typeof routesAlert>[1], channels: AlertChannelConfig[]) =>
  channels.filter((c) => routesAlert(c, a));

const digest = (team: string | null): DigestNotice => ({
  kind: "digest",
  reportId: `2026-W49:${team ?? ""}`,
  team,
  title: "Weekly report",
  summary: "",
  url: "https://imagefleet.example.com/reports",
});

const names = (channels: AlertChannelConfig[]) => channels.map((c) => c.name);

describe("routing", () => {
  it("routes by minimum severity", () => {
    const channels = [
      channel("all", { minSeverity: "info" }),
      channel("warn"),
      channel("crit", { minSeverity: "critical" }),
    ];
    expect(names(routed(alert({ severity: "info" }), channels))).toEqual(["all"]);
    expect(names(routed(alert({ severity: "warning" }), channels))).toEqual(["all", "warn"]);
    expect(names(routed(alert({ severity: "critical" }), channels))).toEqual(["all", "warn", "crit"]);
  });

  it("routes by rule", () => {
    const channels = [channel("images", { rules: ["base-image-behind", "deprecated-runtime"] }), channel("any")];
    expect(names(routed(alert({ rule: "failed" }), channels))).toEqual(["any"]);
    expect(names(routed(alert({ rule: "base-image-behind" }), channels))).toEqual(["images", "any"]);
  });

  it("routes by team; a function without a team goes only to channels for everyone", () => {
    const channels = [
      channel("payments", { teams: ["payments"] }),
      channel("data", { teams: ["data"] }),
      channel("any"),
    ];
    expect(names(routed(alert({ team: "payments" }), channels))).toEqual(["payments", "any"]);
    expect(names(routed(alert({ team: null }), channels))).toEqual(["any"]);
  });

  it("sends digests to channels that take reports, the team's to its channels", () => {
    const channels = [
      channel("payments", { teams: ["payments"] }),
      channel("any"),
      channel("quiet", { reports: false }),
    ];
    expect(names(channelsFor(digest("payments"), channels))).toEqual(["payments", "any"]);
    expect(names(channelsFor(digest(null), channels))).toEqual(["any"]);
    expect(names(channelsFor(digest(null), [channel("pager", { type: "pagerduty", routingKey: "k" })]))).toEqual([]);
  });
});
