import { HydrationBoundary } from "@tanstack/react-query";
import { ReportListView } from "@/components/reports/report-list";
import { InvalidQuery } from "@/components/ui/invalid-query";
import { PageHeader } from "@/components/ui/page-header";
import { requestScope } from "@/lib/auth/session";
import { reportQueries } from "@/lib/query/api-queries";
import { prefetchAll, prefetchEntry } from "@/lib/query/prefetch";
import { loadReportList } from "@/lib/reports/load";
import { reportScopeView } from "@/lib/reports/url-state";
import type { SearchRecord } from "@/lib/url-state/view";
import { readPageQuery } from "@/lib/url-state/view";

export const metadata = { title: "Reports" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<SearchRecord> }) {
  const page = readPageQuery(reportScopeView, await searchParams);
  const header = (
    <PageHeader title="Reports" description="Weekly reports for the fleet and per team, week over week." />
  );
  if (!page.ok)
    return (
      <>
        {header}
        <InvalidQuery problems={page.problems} resetHref="/reports" />
      </>
    );
  const state = await prefetchAll([
    prefetchEntry(reportQueries.list(page.search), async () =>
      loadReportList(page.query.team ?? null, { scope: await requestScope() }),
    ),
  ]);
  return (
    <>
      {header}
      <HydrationBoundary state={state}>
        <ReportListView />
      </HydrationBoundary>
    </>
  );
}
