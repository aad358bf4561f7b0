import { HydrationBoundary } from "@tanstack/react-query";
import { AlertListView } from "@/components/alerts/alert-list-view";
import { InvalidQuery } from "@/components/ui/invalid-query";
import { PageHeader } from "@/components/ui/page-header";
import { alertsView } from "@/lib/alerts/view";
import { requestScope } from "@/lib/auth/session";
import { listAlerts } from "@/lib/db/queries/alerts";
import { alertQueries } from "@/lib/query/api-queries";
import { prefetchAll, prefetchEntry } from "@/lib/query/prefetch";
import { readPageQuery, type SearchRecord } from "@/lib/url-state/view";

export const metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

export default async function AlertsPage({ searchParams }: { searchParams: Promise<SearchRecord> }) {
  const header = (
    <PageHeader
      title="Alerts"
      description="Warnings that need someone: idle before Inactive, failed, unpatched base images."
    />
  );
  const read = readPageQuery(alertsView, await searchParams);
  if (!read.ok) {
    return (
      <>
        {header}
        <InvalidQuery problems={read.problems} resetHref="/alerts" />
      </>
    );
  }
  const { query } = read;
  const scope = await requestScope();
  const state = await prefetchAll([prefetchEntry(alertQueries.list(read.search), () => listAlerts(query, { scope }))]);
  return (
    <>
      {header}
      <HydrationBoundary state={state}>
        <AlertListView />
      </HydrationBoundary>
    </>
  );
}
