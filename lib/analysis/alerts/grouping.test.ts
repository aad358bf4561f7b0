import { describe, expect, it } from "vitest";
import { facts, image } from "../rules/test-fixtures";
import { type AlertLabels, alertSubject, DEFAULT_GROUP_BY, groupAlerts, groupKey, groupLabels } from "./grouping";

const labels = (overrides: Partial<AlertLabels> = {}): AlertLabels => ({
  rule: "base-image-behind",
  team: "payments",
  accountId: "111122223333",
  region: "eu-west-1",
  environment: "prod",
  subject: "public.ecr.aws/lambda/python:3.12.2026.08.01",
  ...overrides,
});

describe("alert grouping", () => {
  it("is about the base image release, else the repository, else the account and region", () => {
    const release = { repository: "public.ecr.aws/lambda/python", version: "3.12.2026.08.01" };
    const lineage = { kind: "matched", release } as never;
    expect(alertSubject(facts({ image: image({ lineage }) }))).toBe("public.ecr.aws/lambda/python:3.12.2026.08.01");
    expect(alertSubject(facts())).toBe("111122223333.dkr.ecr.eu-west-1.amazonaws.com/orders");
    expect(alertSubject(facts({ image: null, imageRepository: null }))).toBe("111122223333/eu-west-1");
  });

  it("keys by rule, team and subject by default, and by what is configured", () => {
    expect(groupKey(labels(), DEFAULT_GROUP_BY)).toBe(
      "rule=base-image-behind,team=payments,subject=public.ecr.aws%2Flambda%2Fpython%3A3.12.2026.08.01",
    );
    expect(groupKey(labels({ team: null }), ["rule", "team"])).toBe("rule=base-image-behind,team=");
    expect(groupKey(labels({ accountId: "999999999999" }), DEFAULT_GROUP_BY)).toBe(
      groupKey(labels(), DEFAULT_GROUP_BY),
    );
    expect(groupKey(labels({ accountId: "999999999999" }), ["rule", "account"])).not.toBe(
      groupKey(labels(), ["rule", "account"]),
    );
    expect(groupLabels(labels(), ["environment", "region"])).toEqual({ environment: "prod", region: "eu-west-1" });
  });

  it("sorts groups by worst severity, then the newest member, members likewise", () => {
    const at = (hour: number) => new Date(Date.UTC(2026, 11, 1, hour));
    const groups = groupAlerts([
      { id: "a", groupKey: "hygiene", severity: "warning", openedAt: at(9) },
      { id: "b", groupKey: "failed", severity: "critical", openedAt: at(1) },
      { id: "c", groupKey: "hygiene", severity: "info", openedAt: at(10) },
      { id: "d", groupKey: "idle", severity: "warning", openedAt: at(11) },
      { id: "e", groupKey: "failed", severity: "warning", openedAt: at(12) },
    ] as const);
    expect(groups.map((g) => [g.groupKey, g.worstSeverity, g.members.map((m) => m.id)])).toEqual([
      ["failed", "critical", ["b", "e"]],
      ["idle", "warning", ["d"]],
      ["hygiene", "warning", ["a", "c"]],
    ]);
    expect(groups[0]!.latestOpenedAt).toEqual(at(12));
  });
});
