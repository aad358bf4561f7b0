"use client";

import Link from "next/link";
import { SEVERITIES } from "@/lib/contracts/alerts-query";
import { alertQueries } from "@/lib/query/api-queries";
import { useApiQuery } from "@/lib/query/use-api-query";
import { Card } from "../ui/card";
import { formatCount } from "../ui/format";
import { QueryState } from "../ui/query-state";
import { severityClass } from "./severity-badge";

/** Alerts needing attention by severity, each count linking to the filtered alert list (for the overview). */
export function AlertCountsCard() {
  const counts = useApiQuery(alertQueries.counts());
  return (
    <Card
      title="Alerts needing attention"
      actions={
        <Link href="/alerts" className="text-xs text-accent hover:underline">
          All alerts
        </Link>
      }
    >
      <QueryState query={counts} what="the alert counts" skeletonClassName="h-12">
        {(data) => (
          <ul className="flex flex-wrap gap-4">
            {SEVERITIES.map((severity) => (
              <li key={severity}>
                <Link
                  href={`/alerts?state=attention&severity=${severity}`}
                  className="flex items-baseline gap-2 hover:underline"
                  data-testid={`attention-${severity}`}
                >
                  <span className="text-2xl font-semibold tabular-nums">{formatCount(data.bySeverity[severity])}</span>
                  <span className={severityClass(severity)}>{severity}</span>
                </Link>
              </li>
            ))}
            <li className="self-end text-xs text-zinc-500 dark:text-zinc-400">
              {formatCount(data.needsAttention)} of {formatCount(data.active)} active need attention (
              {formatCount(data.acknowledged)} acknowledged, {formatCount(data.silenced)} silenced)
            </li>
          </ul>
        )}
      </QueryState>
    </Card>
  );
}
