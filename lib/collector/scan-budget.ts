export const GIB = 1024 ** 3;

/**
 * The Logs Insights bytes one collection run may scan for history backfill (Insights bills by
 * bytes scanned). Units draw on it concurrently: a query's estimate is reserved before it starts,
 * then replaced by what the query reported scanning.
 */
export class ScanBudget {
  private used = 0;

  constructor(readonly limitBytes: number) {}

  static ofGiB(gib: number): ScanBudget {
    return new ScanBudget(gib * GIB);
  }

  get remainingBytes(): number {
    return Math.max(0, this.limitBytes - this.used);
  }

  get usedBytes(): number {
    return this.used;
  }

  /** Takes `bytes` from the budget; false (and nothing taken) when that much is not left. */
  reserve(bytes: number): boolean {
    if (bytes > this.remainingBytes) return false;
    this.used += bytes;
    return true;
  }

  /** Replaces a reservation by what was actually scanned. */
  settle(reservedBytes: number, scannedBytes: number): void {
    this.used = Math.max(0, this.used - reservedBytes + scannedBytes);
  }
}
