import { HydrationBoundary } from "@tanstack/react-query";
import { AlertCountsCard } from "@/components/alerts/alert-counts-card";
import { OverviewView } from "@/components/overview/overview-view";
import { InvalidQuery } from "@/components/ui/invalid-query";
import { PageHeader } from "@/components/ui/page-header";
import { requestScope } from "@/lib/auth/session";
import { alertCounts } from "@/lib/db/queries/alerts";
import { fleetFacets } from "@/lib/db/queries/facets";
import { fleetColdStarts } from "@/lib/db/queries/fleet-cold-starts";
import { fleetLifecycle } from "@/lib/db/queries/fleet-lifecycle";
import { fleetSummary } from "@/lib/db/queries/fleet-summary";
import { fleetTopLists } from "@/lib/db/queries/fleet-top";
import { idleThresholdAnswer } from "@/lib/db/queries/idle-transitions";
import { alertQueries, apiQueries } from "@/lib/query/api-queries";
import { prefetchAll, prefetchEntry } from "@/lib/query/prefetch";
import { fleetView } from "@/lib/url-state/fleet-view";
import { readPageQuery, type SearchRecord } from "@/lib/url-state/view";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchRecord> }) {
  const header = (
    <PageHeader
      title="Fleet overview"
      description="Lambda functions across every account and region, image functions in focus."
    />
  );
  const read = readPageQuery(fleetView, await searchParams);
  if (!read.ok) {
    return (
      <>
        {header}
        <InvalidQuery problems={read.problems} resetHref="/" />
      </>
    );
  }
  const { query, search } = read;
  const scope = await requestScope();
  const state = await prefetchAll([
    prefetchEntry(apiQueries.fleetSummary(), () => fleetSummary({ scope })),
    prefetchEntry(apiQueries.fleetFacets(), () => fleetFacets({ scope })),
    prefetchEntry(apiQueries.fleetLifecycle(search), () => fleetLifecycle(query, { scope })),
    prefetchEntry(apiQueries.fleetColdStarts(search), () => fleetColdStarts(query, { scope })),
    prefetchEntry(apiQueries.fleetTop(search), () => fleetTopLists(query, { scope })),
    prefetchEntry(apiQueries.fleetIdleThreshold(), () => idleThresholdAnswer({ scope })),
    prefetchEntry(alertQueries.counts(), () => alertCounts({ scope })),
  ]);
  return (
    <>
      {header}
      <HydrationBoundary state={state}>
        <div className="space-y-3">
          <AlertCountsCard />
          <OverviewView />
        </div>
      </HydrationBoundary>
    </>
  );
}
