import { coldStartRate, mean } from "../stats";
import type { ColdStartRegressionConfig, RuleConfig } from "./config";
import type { FunctionFacts, WeekColdStarts } from "./facts";
import { type Finding, makeFinding } from "./finding";

export interface MetricComparison {
  thisWeek: number;
  baseline: number;
  /** thisWeek / baseline; null when the baseline is 0 (anything above it is a regression). */
  factor: number | null;
  regressed: boolean;
}

export interface ColdStartComparison {
  rate: MetricComparison | null;
  initP95Ms: MetricComparison | null;
  baselineWeeks: number;
}

/**
 * Compares this week's cold-start rate and init p95 with the mean of the previous weeks
 * (most recent first; the first `baselineWeeks` are used). A metric is compared only when this
 * week and at least `minBaselineWeeks` baseline weeks have enough samples; otherwise it is null.
 */
export function compareColdStarts(
  thisWeek: WeekColdStarts,
  previousWeeks: readonly WeekColdStarts[],
  config: ColdStartRegressionConfig,
): ColdStartComparison {
  const baseline = previousWeeks.slice(0, config.baselineWeeks);
  const hasInvocations = (week: WeekColdStarts) => week.invocations >= config.minInvocations;
  const hasColdStarts = (week: WeekColdStarts) => hasInvocations(week) && week.coldStarts >= config.minColdStarts;

  const compare = (
    weekValue: (week: WeekColdStarts) => number | null,
    baselineEligible: (week: WeekColdStarts) => boolean,
  ): MetricComparison | null => {
    const current = hasColdStarts(thisWeek) ? weekValue(thisWeek) : null;
    const values = baseline.filter(baselineEligible).flatMap((week) => {
      const value = weekValue(week);
      return value === null ? [] : [value];
    });
    const baselineMean = values.length >= config.minBaselineWeeks ? mean(values) : null;
    if (current === null || baselineMean === null) return null;
    const factor = baselineMean > 0 ? current / baselineMean : null;
    const regressed = factor === null ? current > 0 : factor >= config.regressionFactor;
    return { thisWeek: current, baseline: baselineMean, factor, regressed };
  };

  return {
    rate: compare((week) => coldStartRate(week.coldStarts, week.invocations), hasInvocations),
    initP95Ms: compare((week) => week.initP95Ms, hasColdStarts),
    baselineWeeks: baseline.length,
  };
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const ms = (value: number) => `${Math.round(value)} ms`;
const times = (factor: number | null) => (factor === null ? "up from none" : `${factor.toFixed(1)}×`);

export function coldStartRegression(facts: FunctionFacts, config: RuleConfig): Finding | null {
  if (!facts.coldStarts) return null;
  const { rate, initP95Ms, baselineWeeks } = compareColdStarts(
    facts.coldStarts.thisWeek,
    facts.coldStarts.previousWeeks,
    config.coldStart,
  );
  const parts = [
    ...(rate?.regressed
      ? [`cold-start rate ${percent(rate.thisWeek)} vs ${percent(rate.baseline)} (${times(rate.factor)})`]
      : []),
    ...(initP95Ms?.regressed
      ? [`init p95 ${ms(initP95Ms.thisWeek)} vs ${ms(initP95Ms.baseline)} (${times(initP95Ms.factor)})`]
      : []),
  ];
  if (parts.length === 0) return null;
  const { thisWeek } = facts.coldStarts;
  return makeFinding("cold-start-regression", facts, {
    severity: "warning",
    reason: `This week ${parts.join(" and ")}, against the mean of the previous ${baselineWeeks} weeks`,
    evidence: {
      coldStarts: thisWeek.coldStarts,
      invocations: thisWeek.invocations,
      rate: rate?.thisWeek ?? null,
      baselineRate: rate?.baseline ?? null,
      rateFactor: rate?.factor ?? null,
      initP95Ms: initP95Ms?.thisWeek ?? null,
      baselineInitP95Ms: initP95Ms?.baseline ?? null,
      initP95Factor: initP95Ms?.factor ?? null,
      baselineWeeks,
    },
  });
}
