import { sumByKey } from "./compare";
import type { FunctionState, StateReasonCode } from "./types";

export interface StateObservation {
  state: FunctionState;
  reasonCode: StateReasonCode | null;
  reason: string | null;
  at: Date;
}

export interface OpenInterval {
  state: FunctionState;
  reasonCode: StateReasonCode | null;
  reason: string | null;
  from: Date;
}

/** Half-open [from, to); `to: null` while the interval is still open. */
export interface StateInterval extends OpenInterval {
  to: Date | null;
}

export type IntervalUpdate =
  | { kind: "extend" }
  /** The observation predates the open interval (e.g. a slow concurrent poll): nothing to write. */
  | { kind: "stale" }
  | { kind: "open"; close?: { to: Date }; next: OpenInterval };

/**
 * A repeated observation extends the open interval; a change of state or reason code closes it
 * at the observation time and opens the next. The free-text reason alone does not split
 * intervals: AWS rewords it without the state changing.
 */
export function applyObservation(open: OpenInterval | null, observation: StateObservation): IntervalUpdate {
  const next: OpenInterval = {
    state: observation.state,
    reasonCode: observation.reasonCode,
    reason: observation.reason,
    from: observation.at,
  };
  if (open === null) return { kind: "open", next };
  if (observation.at < open.from) return { kind: "stale" };
  if (open.state === observation.state && open.reasonCode === observation.reasonCode) return { kind: "extend" };
  return { kind: "open", close: { to: observation.at }, next };
}

export interface TimeWindow {
  start: Date;
  end: Date;
}

function overlapMs(interval: StateInterval, window: TimeWindow): number {
  const from = Math.max(interval.from.getTime(), window.start.getTime());
  const to = Math.min(interval.to?.getTime() ?? window.end.getTime(), window.end.getTime());
  return Math.max(0, to - from);
}

/** Milliseconds spent in each state within the window, keys in sorted order. Open intervals run to the window's end. */
export function timeInStates(intervals: readonly StateInterval[], window: TimeWindow): Record<string, number> {
  return sumByKey(
    intervals.flatMap((interval) => {
      const ms = overlapMs(interval, window);
      return ms > 0 ? [[interval.state, ms] as const] : [];
    }),
  );
}

export interface StateTransition {
  at: Date;
  from: { state: FunctionState; reasonCode: StateReasonCode | null };
  to: { state: FunctionState; reasonCode: StateReasonCode | null; reason: string | null };
}

function byStart(intervals: readonly StateInterval[]): StateInterval[] {
  return [...intervals].sort((a, b) => a.from.getTime() - b.from.getTime());
}

/**
 * Changes between consecutive intervals of one function that happen within [start, end).
 * The first interval is when we first saw the function, not a transition.
 */
export function transitionsIn(intervals: readonly StateInterval[], window: TimeWindow): StateTransition[] {
  const sorted = byStart(intervals);
  const transitions: StateTransition[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.from < window.start || current.from >= window.end) continue;
    transitions.push({
      at: current.from,
      from: { state: previous.state, reasonCode: previous.reasonCode },
      to: { state: current.state, reasonCode: current.reasonCode, reason: current.reason },
    });
  }
  return transitions;
}

/** The interval covering the instant, or null when nothing was observed then. */
export function stateAt(intervals: readonly StateInterval[], at: Date): StateInterval | null {
  return intervals.find((interval) => interval.from <= at && (interval.to === null || at < interval.to)) ?? null;
}

/** An interval of one function among many, ending early when the function was deleted. */
export interface MemberInterval {
  state: string;
  from: Date;
  to: Date | null;
  deletedAt: Date | null;
}

/** How many functions were in each state at each instant: the fleet counts a snapshot would have shown. */
export function stateCountsAt(intervals: readonly MemberInterval[], instants: readonly Date[]): Map<string, number>[] {
  return instants.map((at) => {
    const counts = new Map<string, number>();
    for (const interval of intervals) {
      const ended =
        (interval.to !== null && interval.to <= at) || (interval.deletedAt !== null && interval.deletedAt <= at);
      if (interval.from <= at && !ended) counts.set(interval.state, (counts.get(interval.state) ?? 0) + 1);
    }
    return counts;
  });
}
