"use client";

import Link from "next/link";
import { SEVERITIES } from "@/lib/contracts/alerts-query";
import { alertQueries } from "@/lib/query/api-queries";
import { useApiQuery } from "@/lib/query/use-api-query";
import { Card } from "../ui/card";
import { formatCount } from "../ui/format";
import { QueryState } from "../ui/query-state";
import { severityClass } from "./severity-badge";

/** Active alerts by severity, each count linking to the filtered alert list (for the overview). */
export function AlertCountsCard() {
  const counts = useApiQuery(alertQueries.counts());
  return (
    <Card
      title="Active alerts"
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
                <Link href={`/alerts?severity=${severity}`} className="flex items-baseline gap-2 hover:underline">
                  <span className="text-2xl font-semibold tabular-nums">{formatCount(data.bySeverity[severity])}</span>
                  <span className={severityClass(severity)}>{severity}</span>
                </Link>
              </li>
            ))}
            <li className="self-end text-xs text-zinc-500 dark:text-zinc-400">
              {formatCount(data.acknowledged)} of {formatCount(data.active)} acknowledged
            </li>
          </ul>
        )}
      </QueryState>
    </Card>
  );
}
