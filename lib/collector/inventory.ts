import { diffInventory, type FieldChange } from "@/lib/analysis/inventory-diff";
import type { FunctionConfiguration, FunctionListing } from "@/lib/aws/lambda";
import type { StoredFunction } from "@/lib/db/queries/stored-functions";
import { inventoryEntry, listingColumns } from "./function-rows";

export interface Inventory {
  listed: FunctionConfiguration[];
  /** Not stored before, or stored as deleted and back again. */
  created: Set<string>;
  /** Function name → what the listing shows changed. */
  changed: Map<string, FieldChange[]>;
  /** Stored functions the listing no longer has. */
  deleted: StoredFunction[];
}

/**
 * Compares one complete listing with the stored functions. A function whose listing entry was
 * malformed is neither updated nor taken for deleted: we know it exists, not what it looks like.
 */
export function takeInventory(listing: FunctionListing, rows: readonly StoredFunction[], now: Date): Inventory {
  const live = rows.filter((row) => row.deletedAt === null);
  const diff = diffInventory(
    live.map((row) => inventoryEntry(row)),
    listing.functions.map((fn) => inventoryEntry(listingColumns(fn, now))),
  );
  const unreadable = new Set(listing.malformed.map((entry) => entry.name));
  const gone = new Set(diff.deleted.map((entry) => entry.functionArn));
  return {
    listed: listing.functions,
    created: new Set(diff.created.map((entry) => entry.functionName)),
    changed: new Map(diff.changed.map((entry) => [entry.listed.functionName, entry.changes])),
    deleted: live.filter((row) => gone.has(row.arn) && !unreadable.has(row.name)),
  };
}
