// Coverage: which part of a time window a function's collected history actually spans. Outside it
// a figure is unknown (null), never zero: a step we did not collect is not a step without activity.

/** The span of time whose data we hold for one function (both ends as instants). */
export interface CollectedSpan {
  from: Date;
  to: Date;
}

/** What a series or total covers of its window: `complete` when nothing of the window is unknown but the step in progress. */
export interface Coverage {
  from: string | null;
  to: string | null;
  complete: boolean;
}

export type StepCoverage = "none" | "partial" | "full";

export interface Window {
  from: Date;
  to: Date;
}

/** How much of one step [start, end) the collected span covers. */
export function stepCoverage(span: CollectedSpan | null, start: number, end: number): StepCoverage {
  if (span === null) return "none";
  const from = span.from.getTime();
  const to = span.to.getTime();
  if (to <= start || from >= end) return "none";
  return from <= start && to >= end ? "full" : "partial";
}

/**
 * The coverage of a window: the collected span clipped to it. Complete when the span starts at or
 * before the window and reaches into its last step (the step in progress is partial by nature).
 */
export function windowCoverage(span: CollectedSpan | null, window: Window, stepMs: number): Coverage {
  if (span === null || span.to <= window.from || span.from >= window.to)
    return { from: null, to: null, complete: false };
  const from = new Date(Math.max(span.from.getTime(), window.from.getTime()));
  const to = new Date(Math.min(span.to.getTime(), window.to.getTime()));
  const lastStepStart = Math.floor((window.to.getTime() - 1) / stepMs) * stepMs;
  const complete = span.from <= window.from && to.getTime() >= Math.min(lastStepStart, window.to.getTime());
  return { from: from.toISOString(), to: to.toISOString(), complete };
}

/** A fleet slice's coverage of a window: the share of its functions fully covered, and from when any is. */
export interface FleetCoverage extends Coverage {
  functions: number;
  fullyCovered: number;
}

/** Several functions' coverages of one window as the fleet's: the earliest start, the latest end, and the share fully covered. */
export function fleetCoverage(coverages: readonly Coverage[]): FleetCoverage {
  const froms = coverages.flatMap((c) => (c.from === null ? [] : [c.from])).sort();
  const tos = coverages.flatMap((c) => (c.to === null ? [] : [c.to])).sort();
  const fullyCovered = coverages.filter((c) => c.complete).length;
  return {
    from: froms[0] ?? null,
    to: tos.at(-1) ?? null,
    complete: coverages.length > 0 && fullyCovered === coverages.length,
    functions: coverages.length,
    fullyCovered,
  };
}

/**
 * A span for reading: whole days from a day on ("2 d"), whole hours below ("5 h"). Rounded down, so a
 * preset window (which starts on a step boundary, a little more than its length back) reads as named.
 */
export function formatSpan(ms: number): string {
  const hours = Math.max(0, Math.floor(ms / 3_600_000));
  return hours >= 24 ? `${Math.floor(hours / 24)} d` : `${hours} h`;
}

/** "covers the last 2 d" for a partly covered total, "not collected" for an uncovered one, null when complete. */
export function coveredPart(coverage: Coverage, windowTo: string): string | null {
  if (coverage.complete) return null;
  if (coverage.from === null || coverage.to === null) return "not collected";
  return `covers the last ${formatSpan(Date.parse(windowTo) - Date.parse(coverage.from))}`;
}

/**
 * What a total over a partly covered window stands for: "7 d · covers the last 2 d"; null when the
 * window is fully covered, "7 d · not collected" when none of it is.
 */
export function coverageNote(coverage: Coverage, window: { from: string; to: string }): string | null {
  const part = coveredPart(coverage, window.to);
  return part === null ? null : `${formatSpan(Date.parse(window.to) - Date.parse(window.from))} · ${part}`;
}
