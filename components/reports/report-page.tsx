"use client";

import { reportQueries } from "@/lib/query/api-queries";
import { useApiQuery } from "@/lib/query/use-api-query";
import { reportTitle } from "@/lib/reports/digest";
import type { ReportView } from "@/lib/reports/view";
import { formatDate, formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { QueryState } from "../ui/query-state";
import { ExportLinks } from "./export-links";
import { PrintButton } from "./print-button";
import { RefreshButton } from "./refresh-button";
import { ReportBody } from "./report-body";
import { TeamFilter } from "./team-filter";
import { useReportScope } from "./use-report-scope";

function Subtitle({ view }: { view: ReportView }) {
  const lastDay = new Date(Date.parse(view.end) - 1).toISOString();
  return (
    <>
      {formatDate(view.start)} to {formatDate(lastDay)} ({view.timeZone}) ·{" "}
      {view.provisional ? (
        <strong className="font-medium text-amber-700 dark:text-amber-400 print:text-black">
          Provisional: week to date, as of {formatDateTime(view.asOf)}
        </strong>
      ) : (
        <>Published {formatDateTime(view.generatedAt)}</>
      )}
      {" · "}
      {view.previousWeek === null ? "no earlier week to compare with" : `changes against ${view.previousWeek}`}
    </>
  );
}

/** One week's report, for the fleet or the team in the URL. */
export function ReportPage({ week }: { week: string }) {
  const { team, search, setTeam } = useReportScope();
  const query = useApiQuery(reportQueries.report(week, search));
  const view = query.data;
  return (
    <>
      <PageHeader
        title={reportTitle({ week, team, provisional: view?.provisional ?? false })}
        description={view ? <Subtitle view={view} /> : null}
        actions={
          <div className="no-print flex flex-wrap items-end gap-2">
            <TeamFilter team={team} teams={view?.teamNames ?? (team === null ? [] : [team])} onChange={setTeam} />
            <ExportLinks week={week} team={team} />
            <PrintButton />
            {view?.provisional ? <RefreshButton /> : null}
          </div>
        }
      />
      <QueryState query={query} what={`the report for ${week}`}>
        {(data) => <ReportBody view={data} />}
      </QueryState>
    </>
  );
}
