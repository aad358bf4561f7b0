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
  return [header, ...lines, ...problems.map((p) => `! ${p}`)].join("\n");
}
