import { HydrationBoundary } from "@tanstack/react-query";
import Link from "next/link";
import { AlertGroupsView } from "@/components/alerts/alert-groups-view";
import { InvalidQuery } from "@/components/ui/invalid-query";
import { PageHeader } from "@/components/ui/page-header";
import { alertsView } from "@/lib/alerts/view";
import { requestScope } from "@/lib/auth/session";
import { listAlertGroups } from "@/lib/db/queries/alerts";
import { alertQueries } from "@/lib/query/api-queries";
import { prefetchAll, prefetchEntry } from "@/lib/query/prefetch";
import { readPageQuery, type SearchRecord } from "@/lib/url-state/view";

export const metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

export default async function AlertsPage({ searchParams }: { searchParams: Promise<SearchRecord> }) {
  const header = (
    <PageHeader
      title="Alerts"
      description="Grouped by rule, team and what they are about; critical means broken now or within a day."
      actions={
        <Link href="/alerts/silences" className="text-sm text-accent hover:underline">
          Silences
        </Link>
      }
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
  const state = await prefetchAll([
    prefetchEntry(alertQueries.groups(read.search), () => listAlertGroups(query, { scope })),
  ]);
  return (
    <>
      {header}
      <HydrationBoundary state={state}>
        <AlertGroupsView />
      </HydrationBoundary>
    </>
  );
}
