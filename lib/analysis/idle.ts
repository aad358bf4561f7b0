import { DAY_MS } from "./time";

export interface IdleThresholds {
  /** Days without invocations after which Lambda may make an image function Inactive. */
  thresholdDays: number;
  warnDays: number;
  criticalDays: number;
}

/** How far back "last invoked" is looked for on first sight (hourly Invocations: 1-hour data lives 455 days). */
export const LAST_INVOCATION_LOOKBACK_MS = 30 * DAY_MS;

export const DEFAULT_IDLE_THRESHOLDS: IdleThresholds = { thresholdDays: 14, warnDays: 10, criticalDays: 13 };

export type IdleLevel = "ok" | "warn" | "critical" | "past-threshold";

export interface IdleInput extends Partial<IdleThresholds> {
  lastInvokedAt: Date | null;
  /**
   * The earliest moment our invocation history covers for this function (usually when we first
   * saw it; pass the start of back-filled metrics if that is earlier).
   */
  firstSeenAt: Date;
  now: Date;
}

export interface IdleStatus {
  idleSince: Date;
  /** No invocation in the history we hold: `idleSince` is only a lower bound of the real idle time. */
  idleSinceUnknown: boolean;
  idleDays: number;
  wholeIdleDays: number;
  /** When the threshold is reached; null once it has passed (the function may turn Inactive at any poll). */
  predictedInactiveAt: Date | null;
  level: IdleLevel;
}

/**
 * Predicts how close a function is to Lambda's idle reclaim. It never says what the state *is*:
 * pages show the observed state, and AWS documents the threshold only loosely ("multiple weeks").
 */
export function idleStatus(input: IdleInput): IdleStatus {
  const {
    thresholdDays = DEFAULT_IDLE_THRESHOLDS.thresholdDays,
    warnDays = DEFAULT_IDLE_THRESHOLDS.warnDays,
    criticalDays = DEFAULT_IDLE_THRESHOLDS.criticalDays,
  } = input;
  const idleSince = input.lastInvokedAt ?? input.firstSeenAt;
  // A clock-skewed "last invoked" in the future means the function is not idle.
  const idleMs = Math.max(0, input.now.getTime() - idleSince.getTime());
  const idleDays = idleMs / DAY_MS;
  const thresholdAt = idleSince.getTime() + thresholdDays * DAY_MS;
  return {
    idleSince,
    idleSinceUnknown: input.lastInvokedAt === null,
    idleDays,
    wholeIdleDays: Math.floor(idleDays),
    predictedInactiveAt: thresholdAt > input.now.getTime() ? new Date(thresholdAt) : null,
    level: levelFor(idleDays, { thresholdDays, warnDays, criticalDays }),
  };
}

function levelFor(idleDays: number, t: IdleThresholds): IdleLevel {
  if (idleDays >= t.thresholdDays) return "past-threshold";
  if (idleDays >= t.criticalDays) return "critical";
  if (idleDays >= t.warnDays) return "warn";
  return "ok";
}

/**
 * The collector re-reads a function's state every cycle while it is in this window. It opens a day
 * before the warning so that, by the time a warning shows, the state beside it is freshly observed.
 */
export const IDLE_RISK_MARGIN_DAYS = 1;

export function isInIdleRiskWindow(input: IdleInput): boolean {
  const warnDays = input.warnDays ?? DEFAULT_IDLE_THRESHOLDS.warnDays;
  return idleStatus(input).idleDays >= warnDays - IDLE_RISK_MARGIN_DAYS;
}
