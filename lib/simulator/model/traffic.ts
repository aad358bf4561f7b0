import type { FunctionSpec } from "./fleet";
import { hashInts, poissonFromUnit, unitFloat } from "./random";
import { HOUR, hourOf, MINUTE } from "./time";

/** How often a function is called. Counts are per UTC hour, then spread over the hour's minutes. */
export type InvocationPattern =
  | { kind: "steady"; perHour: number; diurnalAmplitude: number; peakHourUtc: number }
  | { kind: "bursty"; perHour: number; burstChance: number; burstFactor: number }
  | { kind: "businessHours"; perHour: number; utcOffsetHours: number }
  | { kind: "dailyCron"; hourUtc: number; minute: number; batch: number }
  | { kind: "weeklyCron"; weekday: number; hourUtc: number; minute: number; batch: number }
  | { kind: "dormant"; episodesPerDay: number };

const SALT_HOUR = 11;
const SALT_BURST = 12;
const SALT_EPISODE = 13;
const SALT_EPISODE_HOUR = 14;
const SALT_MINUTE_WEIGHT = 15;
const SALT_OFFSET = 16;

/** Invocations in UTC hour `hour` as the pattern dictates, ignoring history and state. */
export function patternInvocations(fn: FunctionSpec, hour: number): number {
  if (hour < fn.firstTrafficHour) return 0;
  const pattern = fn.pattern;
  const u = unitFloat(fn.key, SALT_HOUR, hour);
  switch (pattern.kind) {
    case "steady": {
      const phase = ((hour % 24) - pattern.peakHourUtc) * ((2 * Math.PI) / 24);
      return poissonFromUnit(pattern.perHour * (1 + pattern.diurnalAmplitude * Math.cos(phase)), u);
    }
    case "bursty": {
      const bursting = unitFloat(fn.key, SALT_BURST, hour) < pattern.burstChance;
      return poissonFromUnit(pattern.perHour * (bursting ? pattern.burstFactor : 1), u);
    }
    case "businessHours": {
      const local = new Date((hour + pattern.utcOffsetHours) * HOUR);
      const weekday = local.getUTCDay();
      const working = weekday >= 1 && weekday <= 5 && local.getUTCHours() >= 9 && local.getUTCHours() < 18;
      return poissonFromUnit(pattern.perHour * (working ? 1 : 0.01), u);
    }
    case "dailyCron":
      return hour % 24 === pattern.hourUtc ? pattern.batch : 0;
    case "weeklyCron": {
      const onDay = new Date(hour * HOUR).getUTCDay() === pattern.weekday;
      return onDay && hour % 24 === pattern.hourUtc ? pattern.batch : 0;
    }
    case "dormant": {
      const day = Math.floor(hour / 24);
      if (unitFloat(fn.key, SALT_EPISODE, day) >= pattern.episodesPerDay) return 0;
      const episode = hashInts(fn.key, SALT_EPISODE_HOUR, day);
      return hour % 24 === episode % 24 ? 1 + ((episode >>> 8) % 6) : 0;
    }
  }
}

/** Apportions an hour's invocations over its 60 minutes (largest remainder on hashed weights). */
export function splitOverMinutes(fn: FunctionSpec, hour: number, total: number): Int32Array {
  const counts = new Int32Array(60);
  if (total === 0) return counts;
  const pattern = fn.pattern;
  if (pattern.kind === "dailyCron" || pattern.kind === "weeklyCron") {
    // A cron fan-out lands in its scheduled minute; very large batches spill into the next ones.
    const spread = Math.min(60 - pattern.minute, Math.ceil(total / 200));
    for (let i = 0; i < spread; i++)
      counts[pattern.minute + i] = Math.floor(total / spread) + (i < total % spread ? 1 : 0);
    return counts;
  }
  const concentrated = pattern.kind === "bursty" && unitFloat(fn.key, SALT_BURST, hour) < pattern.burstChance;
  const weights = new Float64Array(60);
  let weightSum = 0;
  for (let minute = 0; minute < 60; minute++) {
    const u = unitFloat(fn.key, SALT_MINUTE_WEIGHT, hour * 60 + minute);
    const weight = concentrated ? u ** 6 : 0.6 + u;
    weights[minute] = weight;
    weightSum += weight;
  }
  let assigned = 0;
  const remainders: [number, number][] = [];
  for (let minute = 0; minute < 60; minute++) {
    const exact = (total * (weights[minute] ?? 0)) / weightSum;
    const whole = Math.floor(exact);
    counts[minute] = whole;
    assigned += whole;
    remainders.push([exact - whole, minute]);
  }
  remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let i = 0; i < total - assigned; i++) {
    const minute = remainders[i]?.[1] ?? 0;
    counts[minute] = (counts[minute] ?? 0) + 1;
  }
  return counts;
}

/**
 * Time of the k-th (0-based) of `count` invocations in `minute` (absolute minute index): one per
 * stratum of the minute, so times are sorted by k and any k can be computed alone.
 */
export function invocationTime(fn: FunctionSpec, minute: number, k: number, count: number): number {
  const u = unitFloat(fn.key, SALT_OFFSET, minute, k);
  return minute * MINUTE + Math.floor(((k + u) * MINUTE) / count);
}

/** Number of the minute's invocations with time < `limit` (binary search over the sorted times). */
export function invocationsBefore(fn: FunctionSpec, minute: number, count: number, limit: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (invocationTime(fn, minute, middle, count) < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** First and last invocation in [from, to), within one hour, or undefined if there is none. */
export function invocationBoundsInHour(
  fn: FunctionSpec,
  hour: number,
  from: number,
  to: number,
): { first: number; last: number } | undefined {
  const total = patternInvocations(fn, hour);
  if (total === 0) return undefined;
  const counts = splitOverMinutes(fn, hour, total);
  let first: number | undefined;
  let last: number | undefined;
  for (let offset = 0; offset < 60; offset++) {
    const count = counts[offset] ?? 0;
    const minute = hour * 60 + offset;
    if (count === 0 || (minute + 1) * MINUTE <= from || minute * MINUTE >= to) continue;
    const firstIndex = invocationsBefore(fn, minute, count, from);
    const endIndex = invocationsBefore(fn, minute, count, to);
    if (firstIndex >= endIndex) continue;
    first ??= invocationTime(fn, minute, firstIndex, count);
    last = invocationTime(fn, minute, endIndex - 1, count);
  }
  return first === undefined || last === undefined ? undefined : { first, last };
}

/** First invocation in [from, to), scanning hour by hour. */
export function firstInvocationBetween(fn: FunctionSpec, from: number, to: number): number | undefined {
  for (let hour = hourOf(from); hour * HOUR < to; hour++) {
    if (patternInvocations(fn, hour) === 0) continue;
    const bounds = invocationBoundsInHour(fn, hour, from, to);
    if (bounds) return bounds.first;
  }
  return undefined;
}

/** Last invocation in [from, to), scanning backwards hour by hour. */
export function lastInvocationBetween(fn: FunctionSpec, from: number, to: number): number | undefined {
  for (let hour = hourOf(to - 1); (hour + 1) * HOUR > from; hour--) {
    if (patternInvocations(fn, hour) === 0) continue;
    const bounds = invocationBoundsInHour(fn, hour, from, to);
    if (bounds) return bounds.last;
  }
  return undefined;
}
