"use client";

import Link from "next/link";
import { RULE_LABELS } from "@/lib/alerts/rules";
import type { RuleId } from "@/lib/analysis/rules/finding";
import type { AlertDetail } from "@/lib/contracts/alerts";
import { alertQueries } from "@/lib/query/api-queries";
import { useApiQuery } from "@/lib/query/use-api-query";
import { lambdaConsoleUrl, logsInsightsUrl } from "@/lib/url-state/aws-console";
import { StateBadge } from "../ui/badges";
import { Card } from "../ui/card";
import { Definition, DefinitionList } from "../ui/definition-list";
import { formatDateTime } from "../ui/format";
import { QueryState } from "../ui/query-state";
import { AlertActions } from "./alert-actions";
import { AlertEvidence } from "./alert-evidence";
import { AlertTimeline } from "./alert-timeline";
import { AlertStateBadge, SeverityBadge } from "./severity-badge";

const external = "text-accent hover:underline";

function FunctionCard({ alert }: { alert: AlertDetail }) {
  const fn = alert.function;
  const windowParams = alert.functionPage ? new URL(alert.functionPage, "http://x").searchParams : null;
  return (
    <Card title="Function">
      <DefinitionList>
        <Definition label="Name">{fn.name}</Definition>
        <Definition label="Account">
          {fn.accountName ? `${fn.accountName} ` : ""}
          <span className="font-mono">{fn.accountId}</span>
        </Definition>
        <Definition label="Region">{fn.region}</Definition>
        <Definition label="Team">{fn.team}</Definition>
        <Definition label="State now">{fn.id ? <StateBadge state={fn.state} /> : "deleted"}</Definition>
      </DefinitionList>
      <div className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {alert.functionPage ? (
          <Link href={alert.functionPage} className="font-medium text-accent hover:underline">
            Open the function page around this alert
          </Link>
        ) : null}
        {fn.name ? (
          <a href={lambdaConsoleUrl(fn.region, fn.name)} target="_blank" rel="noreferrer" className={external}>
            AWS console
          </a>
        ) : null}
        {alert.logGroup && windowParams ? (
          <a
            href={logsInsightsUrl({
              region: fn.region,
              logGroup: alert.logGroup,
              from: new Date(windowParams.get("from")!),
              to: new Date(windowParams.get("to")!),
            })}
            target="_blank"
            rel="noreferrer"
            className={external}
          >
            Logs Insights
          </a>
        ) : null}
      </div>
    </Card>
  );
}

export function AlertDetailView({ id }: { id: string }) {
  const detail = useApiQuery(alertQueries.detail(id));
  return (
    <QueryState query={detail} what="this alert" skeletonClassName="h-96">
      {(alert) => (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <SeverityBadge severity={alert.severity} />
            <AlertStateBadge state={alert.state} silenced={alert.silenced} />
            <span className="text-zinc-500 dark:text-zinc-400">
              {RULE_LABELS[alert.rule as RuleId] ?? alert.rule} · opened {formatDateTime(alert.openedAt)}
              {alert.resolvedAt ? ` · resolved ${formatDateTime(alert.resolvedAt)}` : ""}
              {alert.silenced ? ` · silenced until ${formatDateTime(alert.silencedUntil)}` : ""}
            </span>
          </div>
          <p className="text-base">{alert.reason}</p>
          <AlertActions alert={alert} />
          <div className="grid gap-3 lg:grid-cols-2">
            <FunctionCard alert={alert} />
            <Card title="Evidence">
              <AlertEvidence evidence={alert.evidence} />
            </Card>
            <Card title="Timeline">
              <AlertTimeline events={alert.timeline} />
            </Card>
            <Card title="Notifications">
              {alert.notifications.length === 0 ? (
                <p className="text-sm text-zinc-500 dark:text-zinc-400">No channel was notified about this alert.</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {alert.notifications.map((n) => (
                    <li key={`${n.channel}:${n.event}:${n.sentAt ?? n.attempts}`}>
                      <span className="font-medium">{n.channel}</span> · {n.event} · {n.status}
                      {n.sentAt ? ` ${formatDateTime(n.sentAt)}` : ""}
                      {n.lastError && n.status !== "sent" ? ` (${n.lastError}, ${n.attempts} attempts)` : ""}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        </div>
      )}
    </QueryState>
  );
}
