import { parseEcrImageUri, repositoryUri } from "@/lib/analysis/image-uri";
import type { InventoryEntry } from "@/lib/analysis/inventory-diff";
import type { FunctionConfiguration, GetFunctionResult } from "@/lib/aws/lambda";
import type { StoredFunction } from "@/lib/db/queries/stored-functions";

/** Lambda's LastModified ("2026-11-30T10:00:00.000+0000"); unparseable values fall back to `now`. */
function parseLastModified(value: string, now: Date): Date {
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? now : parsed;
}

/** The columns ListFunctions can refresh. */
export function listingColumns(fn: FunctionConfiguration, now: Date) {
  return {
    name: fn.name,
    arn: fn.arn,
    packageType: fn.packageType,
    runtime: fn.runtime,
    handler: fn.handler,
    codeSha256: fn.codeSha256,
    lastModified: parseLastModified(fn.lastModified, now),
    architecture: fn.architecture,
    memoryMb: fn.memoryMb,
    timeoutSec: fn.timeoutSec,
    ephemeralMb: fn.ephemeralMb,
    fileSystems: JSON.stringify(fn.fileSystems),
    logFormat: fn.logFormat,
    logGroup: fn.logGroup,
  };
}

/** The columns only GetFunction can refresh: state, deployed image, tags. */
export function detailColumns(fn: GetFunctionResult, ownerTagKey: string, now: Date) {
  const resolved = fn.resolvedImageUri ? parseEcrImageUri(fn.resolvedImageUri) : null;
  const fromTag = fn.imageUri ? parseEcrImageUri(fn.imageUri) : null;
  const image = resolved ?? fromTag;
  return {
    ...listingColumns(fn, now),
    imageUri: fn.imageUri,
    imageDigest: resolved?.digest ?? null,
    imageRepository: image ? repositoryUri(image) : null,
    imageConfig: fn.imageConfig ? JSON.stringify(fn.imageConfig) : null,
    tags: JSON.stringify(sortedObject(fn.tags)),
    team: fn.tags[ownerTagKey] ?? null,
    state: fn.state,
    stateReason: fn.stateReason,
    stateReasonCode: fn.stateReasonCode,
    lastUpdateStatus: fn.lastUpdateStatus,
    lastUpdateReason: fn.lastUpdateReason,
    stateReadAt: now,
  };
}

function sortedObject(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

type TrackedColumns = ReturnType<typeof listingColumns>;

/** The inventory-diff view of a function, the same for a listing and a stored row. */
export function inventoryEntry(columns: TrackedColumns): InventoryEntry {
  return {
    functionArn: columns.arn,
    functionName: columns.name,
    packageType: columns.packageType,
    codeSha256: columns.codeSha256,
    lastModified: columns.lastModified.toISOString(),
    config: {
      runtime: columns.runtime,
      handler: columns.handler,
      architecture: columns.architecture,
      memoryMb: columns.memoryMb,
      timeoutSec: columns.timeoutSec,
      ephemeralMb: columns.ephemeralMb,
      fileSystems: columns.fileSystems,
      logFormat: columns.logFormat,
      logGroup: columns.logGroup,
    },
  };
}

function same(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

/** The columns of `next` that differ from the stored row; null when nothing changed. */
export function changedColumns(known: StoredFunction, next: Partial<StoredFunction>): Partial<StoredFunction> | null {
  const changed = Object.entries(next).filter(([column, value]) => !same(known[column as keyof StoredFunction], value));
  return changed.length ? (Object.fromEntries(changed) as Partial<StoredFunction>) : null;
}

export function functionId(accountId: string, region: string, name: string): string {
  return `${accountId}:${region}:${name}`;
}
