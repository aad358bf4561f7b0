export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const hourOf = (time: number): number => Math.floor(time / HOUR);
export const dayOf = (time: number): number => Math.floor(time / DAY);

/** `2026-11-30 10:00:00.000`, the way Logs Insights prints timestamps. */
export function insightsTimestamp(time: number): string {
  return new Date(time).toISOString().replace("T", " ").replace("Z", "");
}

/** `2026-11-30T10:00:00.000+0000`, the way Lambda prints LastModified. */
export function lambdaTimestamp(time: number): string {
  return new Date(time).toISOString().replace("Z", "+0000");
}
