import { describe, expect, it } from "vitest";
import { coldStartRegression, compareColdStarts } from "./cold-start-regression";
import type { WeekColdStarts } from "./facts";
import { CONFIG, facts } from "./test-fixtures";

const week = (coldStarts: number, invocations: number, initP95Ms: number | null = 1000): WeekColdStarts => ({
  coldStarts,
  invocations,
  initP95Ms,
});
const steady = [week(40, 1000), week(40, 1000), week(40, 1000), week(40, 1000)]; // 4%, 1000 ms
const regression = (thisWeek: WeekColdStarts, previousWeeks: WeekColdStarts[] = steady) =>
  coldStartRegression(facts({ coldStarts: { thisWeek, previousWeeks } }), CONFIG);

describe("cold-start-regression", () => {
  it("fires at 1.5× the baseline rate, not below", () => {
    expect(regression(week(59, 1000))).toBeNull();
    const finding = regression(week(60, 1000));
    expect(finding).toMatchObject({
      severity: "warning",
      evidence: { rate: 0.06, baselineRate: 0.04, rateFactor: 1.5 },
    });
    expect(finding?.reason).toBe(
      "This week cold-start rate 6.0% vs 4.0% (1.5×), against the mean of the previous 4 weeks",
    );
  });

  it("fires at 1.5× the baseline init p95, and names both when both regress", () => {
    expect(regression(week(40, 1000, 1499))).toBeNull();
    expect(regression(week(40, 1000, 1500))?.reason).toBe(
      "This week init p95 1500 ms vs 1000 ms (1.5×), against the mean of the previous 4 weeks",
    );
    expect(regression(week(80, 1000, 2000))?.reason).toBe(
      "This week cold-start rate 8.0% vs 4.0% (2.0×) and init p95 2000 ms vs 1000 ms (2.0×), against the mean of the previous 4 weeks",
    );
  });

  it("needs the minimum sample this week", () => {
    expect(regression(week(19, 100))).toBeNull(); // 19% vs 4%, but only 19 cold starts
    expect(regression(week(20, 100))).not.toBeNull();
    expect(regression(week(20, 99))).toBeNull();
  });

  it("needs enough baseline weeks with data", () => {
    const thin = [week(40, 1000), week(0, 50), week(0, 0), week(0, 0)];
    expect(regression(week(200, 1000), thin)).toBeNull();
    expect(regression(week(200, 1000), [week(40, 1000), week(40, 1000)])).not.toBeNull();
    expect(regression(week(200, 1000), [])).toBeNull();
  });

  it("compares against the mean of the four most recent weeks only", () => {
    const history = [week(40, 1000), week(40, 1000), week(40, 1000), week(40, 1000), week(900, 1000)];
    expect(regression(week(60, 1000), history)?.evidence.baselineRate).toBe(0.04);
  });

  it("counts a rise from a zero baseline as a regression, with no factor", () => {
    const none = [week(0, 1000, null), week(0, 1000, null)];
    const finding = regression(week(30, 1000), none);
    expect(finding?.reason).toContain("cold-start rate 3.0% vs 0.0% (up from none)");
    expect(finding?.evidence.rateFactor).toBeNull();
    expect(finding?.evidence.initP95Ms).toBeNull();
  });

  it("is silent without cold-start data", () => {
    expect(coldStartRegression(facts({ coldStarts: null }), CONFIG)).toBeNull();
  });
});

describe("compareColdStarts", () => {
  it("ignores baseline weeks without enough cold starts for the p95", () => {
    const history = [week(40, 1000, 1000), week(5, 1000, 9000), week(40, 1000, 1000)];
    expect(compareColdStarts(week(40, 1000, 1200), history, CONFIG.coldStart)).toEqual({
      rate: {
        thisWeek: 0.04,
        baseline: (0.04 + 0.005 + 0.04) / 3,
        factor: 0.04 / ((0.04 + 0.005 + 0.04) / 3),
        regressed: false,
      },
      initP95Ms: { thisWeek: 1200, baseline: 1000, factor: 1.2, regressed: false },
      baselineWeeks: 3,
    });
  });

  it("returns null comparisons when this week lacks the sample", () => {
    expect(compareColdStarts(week(1, 10), steady, CONFIG.coldStart)).toEqual({
      rate: null,
      initP95Ms: null,
      baselineWeeks: 4,
    });
  });
});
