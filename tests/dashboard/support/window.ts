import { HOUR_MS } from "@/lib/analysis/time";

/** A custom window of whole hours that every seeded function with traffic fully covers. */
export function lastFullHours(now: Date, hours: number): { from: string; to: string } {
  const to = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS;
  return { from: new Date(to - hours * HOUR_MS).toISOString(), to: new Date(to).toISOString() };
}

export function request(path: string): Request {
  return new Request(`http://localhost${path}`);
}
