import { HydrationBoundary } from "@tanstack/react-query";
import { AccountsView } from "@/components/accounts/accounts-view";
import { PageHeader } from "@/components/ui/page-header";
import { requestScope } from "@/lib/auth/session";
import { appConfig } from "@/lib/config/load";
import { publicBaseUrlWarning } from "@/lib/config/public-base-url";
import { listAccounts } from "@/lib/db/queries/accounts";
import { apiQueries } from "@/lib/query/api-queries";
import { prefetchAll, prefetchEntry } from "@/lib/query/prefetch";

export const metadata = { title: "Accounts" };
export const dynamic = "force-dynamic";

export default async function AccountsPage() {
  const state = await prefetchAll([
    prefetchEntry(apiQueries.accounts(), async () => listAccounts({ scope: await requestScope() })),
  ]);
  const linkWarning = publicBaseUrlWarning(appConfig().config.alerts);
  return (
    <>
      <PageHeader title="Accounts" description="Accounts and regions ImageFleet polls, and how the last polls went." />
      {linkWarning ? (
        <p
          role="status"
          className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
        >
          {linkWarning}
        </p>
      ) : null}
      <HydrationBoundary state={state}>
        <AccountsView />
      </HydrationBoundary>
    </>
  );
}
