import type { PackageType } from "./types";

export type ConfigValue = string | number | boolean | null;

/** One function as ListFunctions returns it (or as we stored it), flattened by the caller. */
export interface InventoryEntry {
  functionArn: string;
  functionName: string;
  packageType: PackageType;
  codeSha256: string;
  /** Compared as the string AWS returns. */
  lastModified: string;
  /** Undefined when the source does not report it (ListFunctions never returns `Code`). */
  imageUri?: string | null;
  /** Configuration fields worth tracking (memory, timeout, architectures joined, …), chosen by the caller. */
  config: Readonly<Record<string, ConfigValue>>;
}

export type KnownFunction = InventoryEntry;
export type ListedFunction = InventoryEntry;

export interface FieldChange {
  /** "codeSha256", "lastModified", "imageUri" or "config.<key>". */
  field: string;
  from: ConfigValue | undefined;
  to: ConfigValue | undefined;
}

export interface ChangedFunction {
  known: KnownFunction;
  listed: ListedFunction;
  changes: FieldChange[];
}

export interface InventoryDiff {
  created: ListedFunction[];
  changed: ChangedFunction[];
  unchanged: ListedFunction[];
  deleted: KnownFunction[];
}

/** Compares stored functions with one complete listing, keyed by function ARN. */
export function diffInventory(known: readonly KnownFunction[], listed: readonly ListedFunction[]): InventoryDiff {
  const knownByArn = new Map(known.map((fn) => [fn.functionArn, fn]));
  const listedArns = new Set(listed.map((fn) => fn.functionArn));
  const diff: InventoryDiff = { created: [], changed: [], unchanged: [], deleted: [] };
  for (const fn of listed) {
    const previous = knownByArn.get(fn.functionArn);
    if (previous === undefined) {
      diff.created.push(fn);
      continue;
    }
    const changes = fieldChanges(previous, fn);
    if (changes.length > 0) diff.changed.push({ known: previous, listed: fn, changes });
    else diff.unchanged.push(fn);
  }
  diff.deleted = known.filter((fn) => !listedArns.has(fn.functionArn));
  return diff;
}

function fieldChanges(known: KnownFunction, listed: ListedFunction): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: string, from: ConfigValue | undefined, to: ConfigValue | undefined) => {
    if (from !== to) changes.push({ field, from, to });
  };
  compare("codeSha256", known.codeSha256, listed.codeSha256);
  compare("lastModified", known.lastModified, listed.lastModified);
  if (listed.imageUri !== undefined) compare("imageUri", known.imageUri, listed.imageUri);
  const keys = [...new Set([...Object.keys(known.config), ...Object.keys(listed.config)])].sort();
  for (const key of keys) compare(`config.${key}`, known.config[key], listed.config[key]);
  return changes;
}
