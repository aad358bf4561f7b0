import { HydrationBoundary } from "@tanstack/react-query";
import Link from "next/link";
import { SilenceListView } from "@/components/alerts/silence-list-view";
import { PageHeader } from "@/components/ui/page-header";
import { requestScope } from "@/lib/auth/session";
import { listSilences } from "@/lib/db/queries/silences";
import { alertQueries } from "@/lib/query/api-queries";
import { prefetchAll, prefetchEntry } from "@/lib/query/prefetch";

export const metadata = { title: "Silences" };
export const dynamic = "force-dynamic";

export default async function SilencesPage() {
  const scope = await requestScope();
  const state = await prefetchAll([prefetchEntry(alertQueries.silences(), () => listSilences({ scope }))]);
  return (
    <>
      <PageHeader
        title="Silences"
        description="Rules that mute matching alerts until they end; expired and lifted ones stay as history."
        actions={
          <Link href="/alerts" className="text-sm text-accent hover:underline">
            Alerts
          </Link>
        }
      />
      <HydrationBoundary state={state}>
        <SilenceListView />
      </HydrationBoundary>
    </>
  );
}
