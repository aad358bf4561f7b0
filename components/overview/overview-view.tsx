"use client";

import { useQueryStates } from "nuqs";
import { apiQueries } from "@/lib/query/api-queries";
import { useApiQuery } from "@/lib/query/use-api-query";
import { fleetView } from "@/lib/url-state/fleet-view";
import { canonicalSearch } from "@/lib/url-state/view";
import { ColdStartChart } from "../charts/cold-start-chart";
import { LifecycleChart } from "../charts/lifecycle-chart";
import { Card } from "../ui/card";
import { CoverageNote } from "../ui/coverage-note";
import { formatCount, formatMs, formatPercent } from "../ui/format";
import { QueryState } from "../ui/query-state";
import { EmptyState } from "../ui/states";
import { TimeRangePicker } from "../ui/time-range-picker";
import { FleetFilters } from "./fleet-filters";
import { HeadlineFigures } from "./headline-figures";
import { IdleThresholdCard } from "./idle-threshold-card";
import { TopLists } from "./top-lists";

export function NoFunctionsYet() {
  return (
    <EmptyState title="No functions collected yet">
      Configure accounts and regions in <code>imagefleet.config.json</code> (see the README), or wait for the first
      collection to finish — this page refreshes by itself.
    </EmptyState>
  );
}

export function OverviewView() {
  const [state] = useQueryStates(fleetView.parsers);
  const search = canonicalSearch(fleetView.parsers, state);
  const timeSearch = canonicalSearch(fleetView.parsers, { range: state.range, from: state.from, to: state.to });
  const summary = useApiQuery(apiQueries.fleetSummary());
  const facets = useApiQuery(apiQueries.fleetFacets());
  const lifecycle = useApiQuery(apiQueries.fleetLifecycle(search));
  const coldStarts = useApiQuery(apiQueries.fleetColdStarts(search));
  const top = useApiQuery(apiQueries.fleetTop(search));
  const idleThreshold = useApiQuery(apiQueries.fleetIdleThreshold());

  return (
    <QueryState query={summary} what="the fleet summary" skeletonClassName="h-24">
      {(figures) =>
        figures.functions === 0 ? (
          <NoFunctionsYet />
        ) : (
          <div className="space-y-4">
            <HeadlineFigures summary={figures} />
            <div className="flex flex-wrap items-end justify-between gap-3">
              <FleetFilters facets={facets.data} />
              <TimeRangePicker />
            </div>
            <div className="grid gap-3 xl:grid-cols-2">
              <Card title="Lifecycle states">
                <QueryState query={lifecycle} what="the lifecycle chart">
                  {(series) => <LifecycleChart series={series} />}
                </QueryState>
              </Card>
              <Card
                title="Cold starts"
                actions={
                  coldStarts.data ? (
                    <span className="text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
                      <CoverageNote coverage={coldStarts.data.coverage} window={coldStarts.data.window} />
                      {coldStarts.data.coverage.complete ? null : (
                        <>
                          {formatCount(coldStarts.data.coverage.fullyCovered)} of{" "}
                          {formatCount(coldStarts.data.coverage.functions)} functions fully covered ·{" "}
                        </>
                      )}
                      {formatCount(coldStarts.data.totals.coldStarts)} · rate{" "}
                      {formatPercent(coldStarts.data.totals.coldStartRate, 2)} · init p95{" "}
                      {formatMs(coldStarts.data.totals.initP95Ms)}
                    </span>
                  ) : null
                }
              >
                <QueryState query={coldStarts} what="the cold-start chart">
                  {(series) => (
                    <ColdStartChart points={series.points} step={series.window.step} since={series.coverage.from} />
                  )}
                </QueryState>
              </Card>
            </div>
            <QueryState query={top} what="the top lists" skeletonClassName="h-48">
              {(lists) => <TopLists top={lists} search={timeSearch} />}
            </QueryState>
            <QueryState query={idleThreshold} what="the learned idle threshold" skeletonClassName="h-24">
              {(answer) => <IdleThresholdCard answer={answer} />}
            </QueryState>
          </div>
        )
      }
    </QueryState>
  );
}
