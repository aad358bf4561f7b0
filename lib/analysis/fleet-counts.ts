import { compareStrings } from "./compare";
import type { FunctionState, PackageType } from "./types";

export interface FleetMember {
  accountId: string;
  region: string;
  packageType: PackageType;
  /** Null when the state was never read. */
  state: FunctionState | null;
}

export interface FleetCountRow {
  accountId: string;
  region: string;
  packageType: PackageType;
  state: string;
  count: number;
}

export const UNKNOWN_STATE = "Unknown";

/** Counts by account, region, package type and state — one fleet snapshot — sorted by those keys. */
export function countFleet(functions: readonly FleetMember[]): FleetCountRow[] {
  const rows = new Map<string, FleetCountRow>();
  for (const fn of functions) {
    const state = fn.state ?? UNKNOWN_STATE;
    const key = JSON.stringify([fn.accountId, fn.region, fn.packageType, state]);
    const row = rows.get(key);
    if (row) row.count += 1;
    else rows.set(key, { accountId: fn.accountId, region: fn.region, packageType: fn.packageType, state, count: 1 });
  }
  return [...rows.values()].sort(
    (a, b) =>
      compareStrings(a.accountId, b.accountId) ||
      compareStrings(a.region, b.region) ||
      compareStrings(a.packageType, b.packageType) ||
      compareStrings(a.state, b.state),
  );
}
