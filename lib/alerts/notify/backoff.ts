const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
/** Eight attempts span about an hour: long enough to ride out a receiver's restart or short outage. */
export const MAX_ATTEMPTS = 8;

/** Delay before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}
