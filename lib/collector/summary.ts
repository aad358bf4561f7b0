import { summarizeBackfill } from "@/lib/analysis/backfill-progress";
import type { CycleSummary } from "./collector";

const COLUMNS = [
  "account",
  "region",
  "status",
  "functions",
  "image",
  "states read",
  "new",
  "changed",
  "deleted",
  "calls",
  "throttles",
  "errors",
];

/** The one-shot collection's report: one line per account × region, then the totals. */
export function formatSummary(summary: CycleSummary): string {
  const rows = summary.units.map((u) => [
    u.accountId,
    u.region,
    u.status,
    u.functionsSeen,
    u.imageFunctions,
    u.statesRead,
    u.created,
    u.changed,
    u.deleted,
    u.calls,
    u.throttles,
    u.errors,
  ]);
  const sum = (pick: (u: CycleSummary["units"][number]) => number) => summary.units.reduce((n, u) => n + pick(u), 0);
  rows.push([
    "total",
    "",
    "",
    sum((u) => u.functionsSeen),
    sum((u) => u.imageFunctions),
    sum((u) => u.statesRead),
    sum((u) => u.created),
    sum((u) => u.changed),
    sum((u) => u.deleted),
    sum((u) => u.calls),
    sum((u) => u.throttles),
    sum((u) => u.errors),
  ]);
  const table = [COLUMNS, ...rows.map((row) => row.map(String))];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const lines = table.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd(),
  );
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const header = `collected ${summary.accounts.length} account(s) as hub ${summary.hubAccountId ?? "(unknown)"} in ${seconds}s`;
  const problems = [
    ...summary.errors,
    ...summary.accounts.flatMap((a) =>
      a.assumeError ? [`${a.id} (${a.name}): cannot assume role: ${a.assumeError}`] : [],
    ),
  ];
  const backfill = backfillLine(summary.units);
  return [header, ...lines, ...(backfill ? [backfill] : []), ...problems.map((p) => `! ${p}`)].join("\n");
}

const gib = (bytes: number) => (bytes / 1024 ** 3).toFixed(2);

/** "history backfill: backfilling 12 of 15 scopes, 41 % done; …": how much of the configured history is in. */
export function backfillLine(units: CycleSummary["units"]): string | null {
  const progress = units.flatMap((u) => (u.backfill ? [u.backfill] : []));
  if (progress.length === 0) return null;
  const { scopes, backfilling, percent } = summarizeBackfill(progress);
  const scanned = progress.reduce((n, p) => n + p.scannedBytes, 0);
  const skipped = progress.reduce((n, p) => n + p.skippedBytes, 0);
  const cost = `Insights scanned ${gib(scanned)} GiB`;
  if (backfilling === 0) return `history backfill: complete in ${scopes} of ${scopes} scopes; ${cost}`;
  return `history backfill: backfilling ${backfilling} of ${scopes} scopes, ${percent} % done; ${cost}, ${gib(skipped)} GiB left for later runs`;
}
