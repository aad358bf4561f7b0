"use client";

import { useQueryStates } from "nuqs";
import { WarningBadges } from "@/components/alerts/warning-badges";
import { apiQueries, type FunctionPath } from "@/lib/query/api-queries";
import { useApiQuery } from "@/lib/query/use-api-query";
import { functionView } from "@/lib/url-state/function-view";
import { canonicalSearch } from "@/lib/url-state/view";
import { InitDurationChart } from "../charts/init-duration-chart";
import { InvocationsChart } from "../charts/invocations-chart";
import { StateTimeline } from "../charts/state-timeline";
import { DeletedBadge, PackageTypeBadge, StateBadge } from "../ui/badges";
import { Card } from "../ui/card";
import { CoverageNote } from "../ui/coverage-note";
import { formatCount, formatMs, formatPercent } from "../ui/format";
import { QueryState } from "../ui/query-state";
import { RelativeTime } from "../ui/relative-time";
import { TimeRangePicker } from "../ui/time-range-picker";
import { AwsLinks } from "./aws-links";
import { ConfigChangesCard } from "./config-changes-card";
import { ConfigurationCard } from "./configuration-card";
import { CostCard } from "./cost-card";
import { IdleCard, sinceText } from "./idle-card";
import { ImageCard } from "./image-card";

export function FunctionView({ path }: { path: FunctionPath }) {
  const [state] = useQueryStates(functionView.parsers);
  const detail = useApiQuery(apiQueries.functionDetail(path, canonicalSearch(functionView.parsers, state)));

  return (
    <QueryState query={detail} what="this function" skeletonClassName="h-96">
      {(fn) => (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <StateBadge state={fn.state} reasonCode={fn.stateReasonCode} reason={fn.stateReason} />
            <PackageTypeBadge packageType={fn.packageType} />
            {fn.deletedAt ? <DeletedBadge /> : null}
            <span className="text-zinc-500 dark:text-zinc-400">
              {fn.accountName} <span className="font-mono">{fn.accountId}</span> · {fn.region} ·{" "}
              {fn.state && fn.stateSince ? `${fn.state} ${sinceText(fn.stateSince)} · ` : ""}
              {fn.team ? `team ${fn.team} · ` : ""}state read <RelativeTime iso={fn.stateReadAt} />
            </span>
          </div>
          <WarningBadges alerts={fn.alerts ?? undefined} />
          {fn.stateReason ? <p className="text-sm text-zinc-600 dark:text-zinc-300">{fn.stateReason}</p> : null}
          <div className="flex flex-wrap items-center justify-between gap-3">
            <AwsLinks fn={fn} />
            <TimeRangePicker />
          </div>
          <Card title="State timeline">
            <StateTimeline intervals={fn.intervals} transitions={fn.transitions} window={fn.window} />
          </Card>
          <div className="grid gap-3 xl:grid-cols-2">
            <Card
              title="Invocations"
              actions={
                <span className="text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
                  <CoverageNote coverage={fn.coverage.metrics} window={fn.window} />
                  {formatCount(fn.totals.invocations)} · {formatCount(fn.totals.errors)} errors ·{" "}
                  {formatCount(fn.totals.throttles)} throttles
                </span>
              }
            >
              <InvocationsChart points={fn.series} step={fn.window.step} since={fn.coverage.metrics.from} />
            </Card>
            <Card
              title="Cold starts and init duration"
              actions={
                <span className="text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
                  <CoverageNote coverage={fn.coverage.coldStarts} window={fn.window} />
                  {formatCount(fn.totals.coldStarts)} · rate {formatPercent(fn.totals.coldStartRate, 2)} · p95{" "}
                  {formatMs(fn.totals.initP95Ms)} · max {formatMs(fn.totals.initMaxMs)}
                </span>
              }
            >
              <InitDurationChart points={fn.series} step={fn.window.step} since={fn.coverage.coldStarts.from} />
            </Card>
          </div>
          <div className="grid gap-3 lg:grid-cols-2 xl:grid-cols-3">
            <IdleCard idle={fn.idle} since={fn.stateSince} />
            <CostCard cost={fn.cost} />
            {fn.image ? <ImageCard image={fn.image} /> : null}
            <ConfigChangesCard changes={fn.configChanges} />
          </div>
          <ConfigurationCard fn={fn} />
        </div>
      )}
    </QueryState>
  );
}
