import { HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ReportPage } from "@/components/reports/report-page";
import { InvalidQuery } from "@/components/ui/invalid-query";
import { requestScope } from "@/lib/auth/session";
import { reportQueries } from "@/lib/query/api-queries";
import { prefetchAll, prefetchEntry } from "@/lib/query/prefetch";
import { loadReportView } from "@/lib/reports/load";
import { reportScopeView, weekField } from "@/lib/reports/url-state";
import { readPageQuery, type SearchRecord } from "@/lib/url-state/view";

type Props = { params: Promise<{ week: string }>; searchParams: Promise<SearchRecord> };

export async function generateMetadata({ params }: Props) {
  return { title: `Report ${(await params).week}` };
}

export default async function WeekReportPage({ params, searchParams }: Props) {
  const week = weekField.safeParse((await params).week);
  if (!week.success) notFound();
  const page = readPageQuery(reportScopeView, await searchParams);
  if (!page.ok) return <InvalidQuery problems={page.problems} resetHref={`/reports/${week.data}`} />;
  const view = await loadReportView(week.data, page.query.team ?? null, { scope: await requestScope() });
  if (view === null) notFound();
  const state = await prefetchAll([prefetchEntry(reportQueries.report(week.data, page.search), async () => view)]);
  return (
    <HydrationBoundary state={state}>
      <ReportPage week={week.data} />
    </HydrationBoundary>
  );
}
