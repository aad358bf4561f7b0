import type { FieldChange } from "@/lib/analysis/inventory-diff";
import type { GetFunctionResult } from "@/lib/aws/lambda";
import type { StoredFunction } from "@/lib/db/queries/stored-functions";
import type { ConfigChangeWrite } from "@/lib/db/writes/config-changes";
import type { FunctionWrites } from "@/lib/db/writes/functions";
import type { FunctionStateObservation } from "@/lib/db/writes/state-intervals";
import { changedColumns, detailColumns, functionId, listingColumns } from "./function-rows";
import type { Inventory } from "./inventory";

export interface Observed {
  accountId: string;
  region: string;
  now: Date;
  ownerTagKey: string;
  /** Stored functions of the unit by name, deleted ones included. */
  rows: ReadonlyMap<string, StoredFunction>;
  inventory: Inventory;
  /** Functions we asked GetFunction about, answered or not. */
  selectedForRead: ReadonlySet<string>;
  details: ReadonlyMap<string, GetFunctionResult>;
}

export interface FunctionChangeSet {
  functions: FunctionWrites;
  configChanges: ConfigChangeWrite[];
  states: FunctionStateObservation[];
  deletedIds: string[];
  /** Every listed function as it will be stored. */
  current: StoredFunction[];
}

const DEPLOY_FIELDS = new Set(["codeSha256", "imageUri", "imageDigest", "packageType"]);

const NO_DETAIL = {
  imageUri: null,
  imageDigest: null,
  imageRepository: null,
  imageConfig: null,
  tags: "{}",
  team: null,
  state: null,
  stateReason: null,
  stateReasonCode: null,
  lastUpdateStatus: null,
  lastUpdateReason: null,
  stateReadAt: null,
} satisfies Partial<StoredFunction>;

/**
 * Turns one cycle's observations of a unit into row changes: only what differs from the stored
 * rows is written, so observing the same fleet at the same moment again writes nothing.
 */
export function functionChanges(o: Observed): FunctionChangeSet {
  const set: FunctionChangeSet = {
    functions: { create: [], update: [] },
    configChanges: [],
    states: [],
    deletedIds: [],
    current: [],
  };
  for (const fn of o.inventory.listed) {
    const id = functionId(o.accountId, o.region, fn.name);
    const detail = o.details.get(fn.name);
    // A function we could not read keeps its stored version, so that the change is seen (and read) again next cycle.
    const unread = o.selectedForRead.has(fn.name) && !detail;
    const stored = o.rows.get(fn.name);
    const columns = detail
      ? detailColumns(detail, o.ownerTagKey, o.now)
      : unread && stored
        ? {}
        : listingColumns(fn, o.now);
    const seen = { lastSeenAt: o.now, deletedAt: null };
    if (!stored) {
      const row: StoredFunction = {
        id,
        accountId: o.accountId,
        region: o.region,
        ...NO_DETAIL,
        ...listingColumns(fn, o.now),
        ...columns,
        firstSeenAt: o.now,
        lastInvokedAt: null,
        metricsThrough: null,
        coldStartsThrough: null,
        metricsCoveredFrom: null,
        coldStartsCoveredFrom: null,
        versionsCheckedAt: null,
        ...seen,
      };
      set.functions.create.push(row);
      set.current.push(row);
    } else {
      const data = changedColumns(stored, { ...columns, ...seen });
      if (data) set.functions.update.push({ id, data });
      set.current.push({ ...stored, ...data });
    }
    if (detail?.state) {
      set.states.push({
        functionId: id,
        state: detail.state,
        reasonCode: detail.stateReasonCode,
        reason: detail.stateReason,
        at: o.now,
      });
    }
    const change = configChange(
      id,
      stored ?? null,
      set.current[set.current.length - 1]!,
      unread ? [] : (o.inventory.changed.get(fn.name) ?? []),
      o.now,
    );
    if (change) set.configChanges.push(change);
  }
  for (const row of o.inventory.deleted) {
    set.deletedIds.push(row.id);
    set.functions.update.push({ id: row.id, data: { deletedAt: o.now } });
    set.configChanges.push({
      functionId: row.id,
      at: o.now,
      kind: "deleted",
      codeSha256: row.codeSha256,
      imageDigest: row.imageDigest,
    });
  }
  return set;
}

/** A first sight (or a return after deletion) is "created"; a new version is "deployed", anything else "config". */
function configChange(
  id: string,
  stored: StoredFunction | null,
  current: StoredFunction,
  listed: readonly FieldChange[],
  now: Date,
): ConfigChangeWrite | null {
  const version = { functionId: id, codeSha256: current.codeSha256, imageDigest: current.imageDigest };
  if (!stored || stored.deletedAt !== null) {
    return { ...version, at: now, kind: "created", details: JSON.stringify({ lastModified: current.lastModified }) };
  }
  const changes = [...listed];
  // The deployed digest is known only from GetFunction, so it is compared apart from the listing.
  if (stored.imageDigest !== null && current.imageDigest !== stored.imageDigest) {
    changes.push({ field: "imageDigest", from: stored.imageDigest, to: current.imageDigest });
  }
  if (changes.length === 0) return null;
  return {
    ...version,
    at: current.lastModified,
    kind: changes.some((change) => DEPLOY_FIELDS.has(change.field)) ? "deployed" : "config",
    details: JSON.stringify({ changes }),
  };
}

export interface Progress {
  now: Date;
  lastInvokedAt: ReadonlyMap<string, Date>;
  metricsCollected: ReadonlySet<string>;
  coldStartsCollected: ReadonlySet<string>;
  /** Where each function's continuous coverage starts when this cycle's window started it (first sight, after a gap). */
  metricsCoverageStart: ReadonlyMap<string, Date>;
  coldStartsCoverageStart: ReadonlyMap<string, Date>;
}

/** How far metrics and cold starts were collected, and the latest invocation seen, where that moved. */
export function progressUpdates(current: readonly StoredFunction[], progress: Progress): FunctionWrites["update"] {
  const updates: FunctionWrites["update"] = [];
  for (const row of current) {
    const data = changedColumns(row, {
      ...(progress.lastInvokedAt.has(row.id) ? { lastInvokedAt: progress.lastInvokedAt.get(row.id) } : {}),
      ...(progress.metricsCollected.has(row.id)
        ? {
            metricsThrough: progress.now,
            ...coverageStart(progress.metricsCoverageStart, row.id, "metricsCoveredFrom"),
          }
        : {}),
      ...(progress.coldStartsCollected.has(row.id)
        ? {
            coldStartsThrough: progress.now,
            ...coverageStart(progress.coldStartsCoverageStart, row.id, "coldStartsCoveredFrom"),
          }
        : {}),
    });
    if (data) updates.push({ id: row.id, data });
  }
  return updates;
}

function coverageStart<K extends "metricsCoveredFrom" | "coldStartsCoveredFrom">(
  starts: ReadonlyMap<string, Date>,
  id: string,
  column: K,
): Partial<Record<K, Date>> {
  const start = starts.get(id);
  return start ? ({ [column]: start } as Partial<Record<K, Date>>) : {};
}
