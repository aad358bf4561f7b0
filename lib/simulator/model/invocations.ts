import type { HourActivity } from "./activity";
import { runtimeSpec } from "./catalog";
import type { FunctionSpec } from "./fleet";
import { hexFrom, standardNormalFromUnit, unitFloat } from "./random";
import { MINUTE } from "./time";
import { invocationsBefore, invocationTime } from "./traffic";

/** One invocation that ran code, i.e. one REPORT record. */
export interface ExecutedInvocation {
  time: number;
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Present on cold starts only. */
  initDurationMs?: number;
}

const SALT_DURATION_SAMPLE = 61;
const SALT_INIT = 62;
const SALT_MEMORY = 63;
/** The first environments after new code or a restore pull uncached image layers. */
const FIRST_AFTER_RESET_FACTOR = 1.5;

/**
 * The executed invocations of one minute (offset 0–59 in `activity`), in time order. With
 * `coldOnly`, just the cold starts — cheap, which is what lets cold-start queries push their
 * filter down instead of generating every record.
 */
export function executedInvocations(
  fn: FunctionSpec,
  activity: HourActivity,
  offset: number,
  coldOnly: boolean,
): ExecutedInvocation[] {
  const executed = activity.executed[offset] ?? 0;
  const cold = activity.coldStarts[offset] ?? 0;
  if (executed === 0 || (coldOnly && cold === 0)) return [];
  const minute = activity.hour * 60 + offset;
  const count = activity.scheduled[offset] ?? 0;
  const indices = executedIndices(fn, activity, minute, count, activity.invocations[offset] ?? 0);
  // Cold starts are spread evenly over the minute's executed invocations.
  const coldOrdinals = new Set<number>();
  for (let j = 0; j < cold; j++) coldOrdinals.add(Math.floor((j * executed) / cold));
  const afterReset = (activity.resetMinuteStart[offset] ?? Number.NEGATIVE_INFINITY) === minute * MINUTE;
  const result: ExecutedInvocation[] = [];
  indices.forEach((k, ordinal) => {
    const isCold = coldOrdinals.has(ordinal);
    if (coldOnly && !isCold) return;
    result.push(
      describe(
        fn,
        activity,
        minute,
        k,
        count,
        isCold ? (afterReset && ordinal === 0 ? FIRST_AFTER_RESET_FACTOR : 1) : 0,
      ),
    );
  });
  return result;
}

/** Indices k of the minute's invocations that happened and did not fail. */
function executedIndices(
  fn: FunctionSpec,
  activity: HourActivity,
  minute: number,
  count: number,
  visible: number,
): number[] {
  const failing: [number, number][] = [];
  for (const [from, to] of activity.failingRanges) {
    if (to <= minute * MINUTE || from >= (minute + 1) * MINUTE) continue;
    failing.push([invocationsBefore(fn, minute, count, from), invocationsBefore(fn, minute, count, to)]);
  }
  const indices: number[] = [];
  for (let k = 0; k < visible; k++) if (!failing.some(([first, end]) => k >= first && k < end)) indices.push(k);
  return indices;
}

function describe(
  fn: FunctionSpec,
  activity: HourActivity,
  minute: number,
  k: number,
  count: number,
  initFactor: number,
): ExecutedInvocation {
  const z = standardNormalFromUnit(unitFloat(fn.key, SALT_DURATION_SAMPLE, minute, k));
  const durationMs = round2(
    Math.min(fn.timeoutSeconds * 1000, Math.exp(activity.durationMu + activity.durationSigma * z)),
  );
  const initDurationMs = initFactor > 0 ? round2(initDuration(fn, minute, k) * initFactor) : undefined;
  const billed = Math.ceil(
    durationMs + (fn.packageType === "Image" && initDurationMs !== undefined ? initDurationMs : 0),
  );
  const memoryUse = fn.maxMemoryFraction * (0.9 + 0.2 * unitFloat(fn.key, SALT_MEMORY, minute, k));
  return {
    time: invocationTime(fn, minute, k, count),
    requestId: uuidFrom(fn.key, minute, k),
    durationMs,
    billedDurationMs: Math.max(1, billed),
    memorySizeMb: fn.memoryMb,
    maxMemoryUsedMb: Math.min(fn.memoryMb, Math.round(fn.memoryMb * memoryUse) + 40),
    initDurationMs,
  };
}

/** Init time grows with the image (layers to fetch) and with slow-starting runtimes and small memory. */
function typicalInitDurationMs(fn: FunctionSpec): number {
  const sizeMb = fn.codeSizeBytes / 1024 ** 2;
  const base = fn.packageType === "Image" ? 150 + sizeMb * 0.42 : 110 + sizeMb * 4;
  const memoryFactor = fn.memoryMb < 512 ? 1.4 : fn.memoryMb < 1024 ? 1.15 : 1;
  return base * runtimeSpec(fn.runtime).initFactor * memoryFactor;
}

function initDuration(fn: FunctionSpec, minute: number, k: number): number {
  const z = standardNormalFromUnit(unitFloat(fn.key, SALT_INIT, minute, k));
  return typicalInitDurationMs(fn) * Math.exp(0.18 * z);
}

function uuidFrom(key: number, minute: number, k: number): string {
  const hex = hexFrom(32, key, minute, k + 1);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
