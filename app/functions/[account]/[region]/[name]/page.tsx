import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FunctionView } from "@/components/function/function-view";
import { InvalidQuery } from "@/components/ui/invalid-query";
import { PageHeader } from "@/components/ui/page-header";
import { requestScope } from "@/lib/auth/session";
import { functionDetail } from "@/lib/db/queries/function-detail";
import { apiQueries, type FunctionPath, functionPathname } from "@/lib/query/api-queries";
import { prefetchAll, prefetchEntry } from "@/lib/query/prefetch";
import { functionPathSchema } from "@/lib/url-state/fields";
import { functionView } from "@/lib/url-state/function-view";
import { readPageQuery, type SearchRecord } from "@/lib/url-state/view";

export const dynamic = "force-dynamic";
// No loading.tsx sits above this page (the overview and the list keep theirs in route groups): a
// streamed response has already sent 200 when notFound() runs, and an unknown function must be a real 404.

type Props = { params: Promise<FunctionPath>; searchParams: Promise<SearchRecord> };

/** A path that cannot name a function is simply not found. */
async function readPath(params: Promise<FunctionPath>): Promise<FunctionPath> {
  const parsed = functionPathSchema.safeParse(await params);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function FunctionPage({ params, searchParams }: Props) {
  const path = await readPath(params);
  const header = (
    <PageHeader title={path.name} description="Configuration, state history, invocations and cold starts." />
  );
  const read = readPageQuery(functionView, await searchParams);
  if (!read.ok) {
    return (
      <>
        {header}
        <InvalidQuery problems={read.problems} resetHref={`/functions/${functionPathname(path)}`} />
      </>
    );
  }
  const identity = { accountId: path.account, region: path.region, name: path.name };
  const detail = await functionDetail(identity, read.query, { scope: await requestScope() });
  if (!detail) notFound();
  const state = await prefetchAll([prefetchEntry(apiQueries.functionDetail(path, read.search), async () => detail)]);
  return (
    <>
      {header}
      <HydrationBoundary state={state}>
        <FunctionView path={path} />
      </HydrationBoundary>
    </>
  );
}
