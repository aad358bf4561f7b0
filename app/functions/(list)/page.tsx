import { HydrationBoundary } from "@tanstack/react-query";
import { FunctionsView } from "@/components/functions/functions-view";
import { InvalidQuery } from "@/components/ui/invalid-query";
import { PageHeader } from "@/components/ui/page-header";
import { requestScope } from "@/lib/auth/session";
import { fleetFacets } from "@/lib/db/queries/facets";
import { functionsPage } from "@/lib/db/queries/functions";
import { apiQueries } from "@/lib/query/api-queries";
import { prefetchAll, prefetchEntry } from "@/lib/query/prefetch";
import { functionsView } from "@/lib/url-state/functions-view";
import { readPageQuery, type SearchRecord } from "@/lib/url-state/view";

export const metadata = { title: "Functions" };
export const dynamic = "force-dynamic";

export default async function FunctionsPage({ searchParams }: { searchParams: Promise<SearchRecord> }) {
  const header = (
    <PageHeader
      title="Functions"
      description="Every Lambda function in the fleet — filter, sort, search and export; the view lives in the URL."
    />
  );
  const read = readPageQuery(functionsView, await searchParams);
  if (!read.ok) {
    return (
      <>
        {header}
        <InvalidQuery problems={read.problems} resetHref="/functions" />
      </>
    );
  }
  const scope = await requestScope();
  const state = await prefetchAll([
    prefetchEntry(apiQueries.functions(read.search), () => functionsPage(read.query, { scope })),
    prefetchEntry(apiQueries.fleetFacets(), () => fleetFacets({ scope })),
  ]);
  return (
    <>
      {header}
      <HydrationBoundary state={state}>
        <FunctionsView />
      </HydrationBoundary>
    </>
  );
}
