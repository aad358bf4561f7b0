// Display formats shared by tables, cards and chart tooltips. Dates show in UTC: a fleet spans
// time zones, and CloudWatch and Logs Insights links use UTC too.

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : integer.format(n);
}

export function formatCompact(n: number): string {
  return compact.format(n);
}

export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  return ratio === null || ratio === undefined ? "—" : `${(ratio * 100).toFixed(digits)} %`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${integer.format(ms)} ms`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "—";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value >= 100 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined) return "—";
  return days < 1 ? `${Math.round(days * 24)} h` : `${days.toFixed(days < 10 ? 1 : 0)} d`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : "—";
}

/** Chart axis ticks: hours within a day-scale window, dates beyond. */
export function formatTick(iso: string, step: "hour" | "day"): string {
  return step === "hour" ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(5, 10);
}

/** "sha256:abcd…" → "abcd1234ef56": enough to tell images apart at a glance. */
export function shortDigest(digest: string | null | undefined): string {
  return digest ? digest.replace(/^sha256:/, "").slice(0, 12) : "—";
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
