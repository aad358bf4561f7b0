"use client";

import Link from "next/link";
import { reportQueries } from "@/lib/query/api-queries";
import { useApiQuery } from "@/lib/query/use-api-query";
import type { ReportList, ReportListEntry } from "@/lib/reports/load";
import { reportExportPath, reportPath } from "@/lib/reports/paths";
import { formatDate, formatDateTime } from "../ui/format";
import { QueryState } from "../ui/query-state";
import { EmptyState } from "../ui/states";
import { type HeaderColumn, TableHead } from "../ui/table-head";
import { RefreshButton } from "./refresh-button";
import { TeamFilter } from "./team-filter";
import { useReportScope } from "./use-report-scope";

const HEADER = "py-1 pr-3 text-left font-medium";
const WEEK_COLUMNS: HeaderColumn[] = [
  { label: "Week", className: HEADER },
  { label: "Dates", className: HEADER },
  { label: "Status", className: HEADER },
  { label: "Generated", className: HEADER },
  { label: "Export", className: "py-1 text-right font-medium" },
];

function WeekRow({ entry, team }: { entry: ReportListEntry; team: string | null }) {
  const lastDay = new Date(Date.parse(entry.end) - 1).toISOString();
  return (
    <tr className="border-b border-zinc-100 dark:border-zinc-800/60">
      <th scope="row" className="py-1.5 pr-3 text-left font-medium">
        <Link href={reportPath(entry.week, team)} className="text-accent hover:underline">
          {entry.week}
        </Link>
      </th>
      <td className="py-1.5 pr-3">
        {formatDate(entry.start)} to {formatDate(lastDay)} <span className="text-zinc-500">({entry.timeZone})</span>
      </td>
      <td className="py-1.5 pr-3">
        {entry.provisional ? (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800 dark:bg-amber-900/40 dark:text-amber-300">
            week to date
          </span>
        ) : (
          "published"
        )}
      </td>
      <td className="py-1.5 pr-3 text-zinc-500">{formatDateTime(entry.generatedAt)}</td>
      <td className="py-1.5 text-right">
        <a href={reportExportPath(entry.week, "csv", team)} download className="text-accent hover:underline">
          CSV
        </a>{" "}
        ·{" "}
        <a href={reportExportPath(entry.week, "json", team)} download className="text-accent hover:underline">
          JSON
        </a>
      </td>
    </tr>
  );
}

function WeeksTable({ list }: { list: ReportList }) {
  if (list.reports.length === 0) {
    return (
      <EmptyState title="No reports yet">
        Reports are written after each collection: the week to date as it goes, each ISO week for good once it closes.
      </EmptyState>
    );
  }
  return (
    <table aria-label="Weekly reports" className="w-full text-sm">
      <TableHead
        columns={WEEK_COLUMNS}
        className="text-xs text-zinc-500"
        rowClassName="border-b border-zinc-200 dark:border-zinc-800"
      />
      <tbody>
        {list.reports.map((entry) => (
          <WeekRow key={`${entry.week}:${entry.provisional}`} entry={entry} team={list.team} />
        ))}
      </tbody>
    </table>
  );
}

/** Every week with a report for the fleet or the team in the URL, the week in progress first. */
export function ReportListView() {
  const { team, search, setTeam } = useReportScope();
  const query = useApiQuery(reportQueries.list(search));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <TeamFilter team={team} teams={query.data?.teams ?? []} onChange={setTeam} />
        <RefreshButton />
      </div>
      <QueryState query={query} what="the reports">
        {(list) => <WeeksTable list={list} />}
      </QueryState>
    </div>
  );
}
