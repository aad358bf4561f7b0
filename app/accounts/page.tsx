import { HydrationBoundary } from "@tanstack/react-query";
import { AccountsView } from "@/components/accounts/accounts-view";
import { PageHeader } from "@/components/ui/page-header";
import { requestScope } from "@/lib/auth/session";
import { listAccounts } from "@/lib/db/queries/accounts";
import { apiQueries } from "@/lib/query/api-queries";
import { prefetchAll, prefetchEntry } from "@/lib/query/prefetch";

export const metadata = { title: "Accounts" };
export const dynamic = "force-dynamic";

export default async function AccountsPage() {
  const state = await prefetchAll([
    prefetchEntry(apiQueries.accounts(), async () => listAccounts({ scope: await requestScope() })),
  ]);
  return (
    <>
      <PageHeader title="Accounts" description="Accounts and regions ImageFleet polls, and how the last polls went." />
      <HydrationBoundary state={state}>
        <AccountsView />
      </HydrationBoundary>
    </>
  );
}
