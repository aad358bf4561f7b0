// "Since" means the earliest evidence, not when we first looked.
import { HOUR_MS } from "./time";

export type SinceEvidence = "transition" | "failed-update" | "errors" | "first-sight";

export interface StateSince {
  at: Date;
  /** Only a lower bound of how long: the state was already so when we first looked. */
  atLeast: boolean;
  evidence: SinceEvidence;
}

export interface StateSinceInput {
  state: string;
  /** Start of the open interval of the current state. */
  intervalFrom: Date;
  /** The open interval is the first we hold: the function was in this state when first seen. */
  firstInterval: boolean;
  lastUpdateStatus: string | null;
  /** `LastModified`: when the last update (whose status is `lastUpdateStatus`) was made. */
  lastModified: Date;
  /** Hourly invocations and errors before and during the state, in any order. */
  hours?: readonly { start: number; invocations: number; errors: number }[];
}

/**
 * Since when a function is in its current state, from the earliest evidence we hold: an observed
 * transition; for a Failed function whose last update failed, that update's time; else the onset of
 * the run of hours where every invocation failed that leads into the state; else first sight
 * ("since at least").
 */
export function stateSince(input: StateSinceInput): StateSince {
  if (!input.firstInterval) return { at: input.intervalFrom, atLeast: false, evidence: "transition" };
  if (input.state === "Failed") {
    if (input.lastUpdateStatus === "Failed" && input.lastModified <= input.intervalFrom) {
      return { at: input.lastModified, atLeast: false, evidence: "failed-update" };
    }
    const onset = allErrorsOnset(input.hours ?? [], input.intervalFrom);
    if (onset !== null) return { at: onset, atLeast: false, evidence: "errors" };
  }
  return { at: input.intervalFrom, atLeast: true, evidence: "first-sight" };
}

/**
 * The first hour of the trailing run of invoked hours in which every invocation was an error, up to
 * `until`; null when the latest invoked hour before `until` had a success (or there was none).
 */
function allErrorsOnset(hours: readonly { start: number; invocations: number; errors: number }[], until: Date) {
  const invoked = hours
    .filter((h) => h.invocations > 0 && h.start < until.getTime() + HOUR_MS)
    .sort((a, b) => b.start - a.start);
  let onset: number | null = null;
  for (const hour of invoked) {
    if (hour.errors < hour.invocations) break;
    onset = hour.start;
  }
  return onset === null ? null : new Date(onset);
}
