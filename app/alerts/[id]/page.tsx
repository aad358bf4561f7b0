import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AlertDetailView } from "@/components/alerts/alert-detail-view";
import { PageHeader } from "@/components/ui/page-header";
import { alertIdParams } from "@/lib/alerts/requests";
import { requestScope } from "@/lib/auth/session";
import { getAlert } from "@/lib/db/queries/alerts";
import { alertQueries } from "@/lib/query/api-queries";
import { prefetchAll, prefetchEntry } from "@/lib/query/prefetch";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function readAlert(params: Props["params"]) {
  const parsed = alertIdParams.safeParse(await params);
  const alert = parsed.success ? await getAlert(parsed.data.id, { scope: await requestScope() }) : null;
  if (!alert) notFound();
  return alert;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const alert = await readAlert(params);
  return { title: `${alert.title}: ${alert.function.name ?? alert.function.accountId}` };
}

/** The permalink of one alert: what an on-call engineer opens from a notification. */
export default async function AlertPage({ params }: Props) {
  const alert = await readAlert(params);
  const state = await prefetchAll([prefetchEntry(alertQueries.detail(alert.id), async () => alert)]);
  return (
    <>
      <PageHeader
        title={`${alert.title}: ${alert.function.name ?? alert.function.accountId}`}
        description={
          <>
            Alert <span className="font-mono">{alert.id}</span>
          </>
        }
      />
      <HydrationBoundary state={state}>
        <AlertDetailView id={alert.id} />
      </HydrationBoundary>
    </>
  );
}
