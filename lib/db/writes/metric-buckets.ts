import { chunks, type Tx } from "./transaction";

export type Resolution = "5m" | "1h";

export interface BucketValues {
  invocations?: number;
  errors?: number;
  throttles?: number;
  durationAvg?: number | null;
  durationP95?: number | null;
  concurrencyMax?: number | null;
  coldStarts?: number;
  initAvg?: number | null;
  initP95?: number | null;
  initMax?: number | null;
}

export interface BucketWrite {
  functionId: string;
  resolution: Resolution;
  start: Date;
  /** Only the columns given are written: metrics and cold starts come from different sources. */
  values: BucketValues;
}

const keyOf = (functionId: string, resolution: string, start: Date) => `${functionId}|${resolution}|${start.getTime()}`;

function merge(writes: readonly BucketWrite[]): Map<string, BucketWrite> {
  const merged = new Map<string, BucketWrite>();
  for (const write of writes) {
    const key = keyOf(write.functionId, write.resolution, write.start);
    const known = merged.get(key);
    merged.set(key, known ? { ...known, values: { ...known.values, ...write.values } } : write);
  }
  return merged;
}

function changedValues(existing: Record<string, unknown>, values: BucketValues): BucketValues | null {
  const changed = Object.entries(values).filter(([column, value]) => existing[column] !== value);
  return changed.length ? (Object.fromEntries(changed) as BucketValues) : null;
}

/** Which hourly buckets a write created or changed: what the roll-ups must take in. */
export interface HourlyChanges {
  functionIds: Set<string>;
  since: Date | null;
}

/**
 * Creates missing buckets and updates only the columns whose value differs: re-reading a window
 * writes nothing (and reports no change).
 */
export async function upsertBuckets(tx: Tx, writes: readonly BucketWrite[]): Promise<HourlyChanges> {
  const changes: HourlyChanges = { functionIds: new Set(), since: null };
  const changed = (row: BucketWrite) => {
    if (row.resolution !== "1h") return;
    changes.functionIds.add(row.functionId);
    if (!changes.since || row.start < changes.since) changes.since = row.start;
  };
  const merged = merge(writes);
  if (merged.size === 0) return changes;
  const byResolution = new Map<Resolution, BucketWrite[]>();
  for (const write of merged.values())
    byResolution.set(write.resolution, [...(byResolution.get(write.resolution) ?? []), write]);

  for (const [resolution, rows] of byResolution) {
    const since = new Date(rows.reduce((min, row) => Math.min(min, row.start.getTime()), Number.POSITIVE_INFINITY));
    const existing = new Map<string, Record<string, unknown>>();
    for (const ids of chunks([...new Set(rows.map((row) => row.functionId))])) {
      const found = await tx.metricBucket.findMany({
        where: { functionId: { in: ids }, resolution, start: { gte: since } },
      });
      for (const bucket of found) existing.set(keyOf(bucket.functionId, resolution, bucket.start), bucket);
    }
    const creates = [];
    for (const row of rows) {
      const known = existing.get(keyOf(row.functionId, resolution, row.start));
      if (!known) {
        changed(row);
        creates.push({ functionId: row.functionId, resolution, start: row.start, ...row.values });
        continue;
      }
      const data = changedValues(known, row.values);
      if (data) {
        changed(row);
        await tx.metricBucket.update({
          where: { functionId_resolution_start: { functionId: row.functionId, resolution, start: row.start } },
          data,
        });
      }
    }
    for (const part of chunks(creates)) await tx.metricBucket.createMany({ data: part });
  }
  return changes;
}
