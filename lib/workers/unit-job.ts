import type { PlannedUnit } from "@/lib/collector/collector";

/** A planned unit as a pg-boss job carries it: JSON, so the plan time travels as a string. */
export interface UnitJobData extends Omit<PlannedUnit, "plannedAt"> {
  cycleId: string;
  plannedAt: string;
}

export function unitJobData(cycleId: string, unit: PlannedUnit): UnitJobData {
  return { ...unit, cycleId, plannedAt: unit.plannedAt.toISOString() };
}

export function plannedUnitOf({ cycleId: _cycleId, ...data }: UnitJobData): PlannedUnit {
  return { ...data, plannedAt: new Date(data.plannedAt) };
}

export function unitKey(data: Pick<UnitJobData, "cycleId" | "accountId" | "region">): string {
  return `${data.cycleId}:${data.accountId}:${data.region}`;
}
