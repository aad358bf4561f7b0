import { type AccountScope, inScope } from "../scope";
import { DAY_MS, HOUR_MS } from "../time";
import { tomorrowAt } from "../weeks";

/** What a silence selects; every given matcher must match (an empty set matches nothing). */
export interface SilenceMatchers {
  rule?: string;
  team?: string;
  accountId?: string;
  region?: string;
  environment?: string;
  /** `*` any run of characters, `?` one character; the whole name must match. */
  functionPattern?: string;
  groupKey?: string;
}

export interface SilenceWindow {
  id: string;
  matchers: SilenceMatchers;
  startsAt: Date;
  endsAt: Date;
  liftedAt: Date | null;
}

export interface SilenceableAlert {
  rule: string;
  team: string | null;
  accountId: string;
  region: string;
  environment: string | null;
  functionName: string | null;
  groupKey: string;
}

export function hasMatchers(matchers: SilenceMatchers): boolean {
  return Object.values(matchers).some((value) => value !== undefined && value !== "");
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

export function matchesSilence(alert: SilenceableAlert, matchers: SilenceMatchers): boolean {
  if (!hasMatchers(matchers)) return false;
  const equal = (want: string | undefined, have: string | null) => want === undefined || want === have;
  return (
    equal(matchers.rule, alert.rule) &&
    equal(matchers.team, alert.team) &&
    equal(matchers.accountId, alert.accountId) &&
    equal(matchers.region, alert.region) &&
    equal(matchers.environment, alert.environment) &&
    equal(matchers.groupKey, alert.groupKey) &&
    (matchers.functionPattern === undefined ||
      (alert.functionName !== null && globToRegExp(matchers.functionPattern).test(alert.functionName)))
  );
}

/** A restricted user may only silence within their scope: an account or a team of theirs. */
export function silenceWithinScope(scope: AccountScope, matchers: SilenceMatchers): boolean {
  if (!scope) return true;
  return (
    (matchers.accountId !== undefined && scope.accounts.includes(matchers.accountId)) ||
    (matchers.team !== undefined && inScope(scope, { accountId: "", team: matchers.team }))
  );
}

export function isSilenceActive(silence: SilenceWindow, now: Date): boolean {
  return silence.liftedAt === null && silence.startsAt <= now && now < silence.endsAt;
}

/** The active silence covering the alert that ends last, or null. */
export function coveringSilence(
  alert: SilenceableAlert,
  silences: readonly SilenceWindow[],
  now: Date,
): { id: string; until: Date } | null {
  let best: SilenceWindow | null = null;
  for (const silence of silences) {
    if (!isSilenceActive(silence, now) || !matchesSilence(alert, silence.matchers)) continue;
    if (best === null || silence.endsAt > best.endsAt) best = silence;
  }
  return best === null ? null : { id: best.id, until: best.endsAt };
}

export const SILENCE_PRESETS = ["1h", "tomorrow-9", "1w"] as const;
export type SilencePreset = (typeof SILENCE_PRESETS)[number];

export function silencePresetEnd(preset: SilencePreset, now: Date, timeZone: string): Date {
  switch (preset) {
    case "1h":
      return new Date(now.getTime() + HOUR_MS);
    case "tomorrow-9":
      return tomorrowAt(now, 9, timeZone);
    case "1w":
      return new Date(now.getTime() + 7 * DAY_MS);
  }
}
