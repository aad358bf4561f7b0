import { HOUR_MS } from "./time";
import { FunctionState } from "./types";

export type StateReadReason = "new" | "changed" | "not-active" | "idle-risk" | "sweep";

export interface StateReadInput {
  /** Stable function key (ARN); it places the function's sweep slot. */
  functionId: string;
  now: Date;
  lastStateReadAt: Date | null;
  sweepIntervalMs?: number;
  isNew: boolean;
  isChanged: boolean;
  /** Last observed state; null when never read. */
  lastState: FunctionState | null;
  inIdleRiskWindow: boolean;
}

export const DEFAULT_SWEEP_INTERVAL_MS = HOUR_MS;

/**
 * Whether this poll cycle should call GetFunction for the function, and why (the first reason
 * that applies, in the order of the union above). Null means the listing was enough.
 */
export function needsStateRead(input: StateReadInput): StateReadReason | null {
  if (input.isNew) return "new";
  if (input.isChanged) return "changed";
  if (input.lastState !== FunctionState.Active) return "not-active";
  if (input.inIdleRiskWindow) return "idle-risk";
  if (isSweepDue(input)) return "sweep";
  return null;
}

/**
 * Rolling sweep. Each function owns a fixed slot in the sweep interval: its offset is a hash of
 * its id scaled to the interval, so slots are spread evenly and stay put across restarts and
 * workers. Slot moments are offset, offset + interval, offset + 2·interval, … (epoch ms). The
 * function is due when its latest slot moment at or before `now` is later than its last read.
 * Any read — for any reason — counts, so a function read because it changed is not swept again
 * until its next slot. With a poll cycle of length c, no function goes unread longer than
 * interval + c, and about (c / interval) of the fleet is swept per cycle.
 */
export function isSweepDue(
  input: Pick<StateReadInput, "functionId" | "now" | "lastStateReadAt" | "sweepIntervalMs">,
): boolean {
  if (input.lastStateReadAt === null) return true;
  const interval = input.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  const offset = sweepSlotOffset(input.functionId, interval);
  const now = input.now.getTime();
  const latestSlot = now - mod(now - offset, interval);
  return input.lastStateReadAt.getTime() < latestSlot;
}

export function sweepSlotOffset(functionId: string, intervalMs: number): number {
  return Math.floor((hash32(functionId) / 2 ** 32) * intervalMs);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** FNV-1a, then murmur3's finaliser: ARNs differ only in their last characters, and plain FNV-1a leaves its high bits (which place the slot) clustered. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
