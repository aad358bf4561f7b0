import { describe, expect, it } from "vitest";
import type { ReportFunctionRef, SectionFigures } from "@/lib/analysis/report/types";
import { functionsView } from "@/lib/url-state/functions-view";
import { MAX_ACTIONS, reportActions } from "./actions";

const ref = (name: string): ReportFunctionRef => ({
  id: `arn:${name}`,
  accountId: "111122223333",
  region: "eu-west-1",
  name,
  team: "media",
});
const none = { count: 0, items: [] };
const behind = (name: string, runtime: string, releasesBehind: number) => ({
  function: ref(name),
  runtime,
  release: "old",
  newest: `${runtime}-new`,
  releasesBehind,
  newerAvailableSince: "2026-11-01T00:00:00.000Z",
});

const figures = (overrides: {
  failed?: { count: number; recovered: number };
  idle?: SectionFigures["idleRisk"];
  behindOnBase?: SectionFigures["images"]["behindOnBase"];
  critical?: number;
}): SectionFigures =>
  ({
    lifecycle: { wentFailed: { ...none, count: 0, recovered: 0, ...overrides.failed } },
    idleRisk: overrides.idle ?? none,
    images: {
      behindOnBase: overrides.behindOnBase ?? none,
      deprecatedRuntimes: none,
      criticalFindings: { count: overrides.critical ?? 0, items: [] },
      oldest: none,
    },
    coldStarts: { topRegressions: none },
  }) as unknown as SectionFigures;

const scope = { week: "2026-W49", team: "media" } as const;

describe("reportActions", () => {
  it("has nothing to ask of a quiet week", () => {
    expect(reportActions(figures({}), scope)).toEqual([]);
  });

  it("ranks unrecovered failures first, then idle risk, then rebuilds grouped by base image", () => {
    const actions = reportActions(
      figures({
        failed: { count: 3, recovered: 1 },
        idle: {
          count: 2,
          items: [
            {
              function: ref("a"),
              idleDays: 11.6,
              idleSinceUnknown: false,
              predictedInactiveAt: "2026-12-10T03:00:00.000Z",
            },
            {
              function: ref("b"),
              idleDays: 12.2,
              idleSinceUnknown: false,
              predictedInactiveAt: "2026-12-09T03:00:00.000Z",
            },
          ],
        },
        behindOnBase: {
          count: 3,
          items: [behind("a", "python3.12", 2), behind("b", "python3.12", 3), behind("c", "nodejs22.x", 1)],
        },
        critical: 1,
      }),
      scope,
    );
    expect(actions.map((a) => a.text)).toEqual([
      "Fix 2 functions that went Failed this week and have not recovered",
      "Invoke or delete 2 functions crossing the idle threshold, the first on 2026-12-09",
      "Rebuild 2 functions on python3.12 (up to 3 releases behind python3.12-new)",
      "Rebuild 1 function on nodejs22.x (up to 1 release behind nodejs22.x-new)",
      "Patch the images of 1 function with critical findings",
    ]);
    expect(actions[0]!.href).toBe("/functions?team=media&state=Failed");
    expect(actions[1]!.href).toBe("/functions?team=media&state=Active&idleMin=11&sort=lastInvoked&dir=asc");
    expect(actions[2]!.href).toBe("/reports/2026-W49?team=media#images-title");
  });

  it("links only to filters the functions table accepts", () => {
    const actions = reportActions(
      figures({
        failed: { count: 1, recovered: 0 },
        idle: {
          count: 1,
          items: [{ function: ref("a"), idleDays: 12, idleSinceUnknown: true, predictedInactiveAt: null }],
        },
      }),
      { week: "2026-W49", team: null },
    );
    for (const { href } of actions) {
      const url = new URL(href, "http://x");
      expect(url.pathname).toBe("/functions");
      expect(() => functionsView.schemas.api.parse(Object.fromEntries(url.searchParams))).not.toThrow();
    }
  });

  it("stops at ten", () => {
    const items = Array.from({ length: 12 }, (_, i) => behind(`f${i}`, `runtime${i}`, 1));
    const actions = reportActions(figures({ behindOnBase: { count: 12, items } }), scope);
    expect(actions).toHaveLength(MAX_ACTIONS);
  });
});
