"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { ruleLabel } from "@/lib/alerts/rules";
import { alertsView } from "@/lib/alerts/view";
import type { AlertGroupSummary } from "@/lib/contracts/alerts";
import { ALL_ALERTS_KEY, alertQueries } from "@/lib/query/api-queries";
import { postJson } from "@/lib/query/fetch-json";
import { useApiQuery } from "@/lib/query/use-api-query";
import { canonicalSearch } from "@/lib/url-state/view";
import { formatCount } from "../ui/format";
import { QueryState } from "../ui/query-state";
import { RelativeTime } from "../ui/relative-time";
import { EmptyState, ErrorState } from "../ui/states";
import { AlertFilters } from "./alert-filters";
import { AlertTable } from "./alert-table";
import { SeverityBadge } from "./severity-badge";
import { actionButton, SilenceForm } from "./silence-form";

/** What to do with some groups: acknowledge them, or open the silence form for them. */
function GroupActions({ groupKeys, label }: { groupKeys: readonly string[]; label: string }) {
  const client = useQueryClient();
  const [silencing, setSilencing] = useState(false);
  const acknowledge = useMutation({
    mutationFn: () => postJson("/api/alerts/acknowledge", { groupKeys }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ALL_ALERTS_KEY }),
  });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={actionButton}
          disabled={acknowledge.isPending || groupKeys.length === 0}
          onClick={() => acknowledge.mutate()}
        >
          Acknowledge {label}
        </button>
        <button
          type="button"
          className={actionButton}
          disabled={groupKeys.length === 0}
          onClick={() => setSilencing(true)}
        >
          Silence {label}…
        </button>
      </div>
      {acknowledge.isError ? <ErrorState title="Not acknowledged" message={acknowledge.error.message} /> : null}
      {silencing ? <SilenceForm groupKeys={groupKeys} onDone={() => setSilencing(false)} /> : null}
    </div>
  );
}

function GroupRow({
  group,
  selected,
  onSelect,
}: {
  group: AlertGroupSummary;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const subject = group.subject && group.count > 0 ? group.subject : null;
  const notes = [
    group.acknowledged ? `${formatCount(group.acknowledged)} acknowledged` : null,
    group.silenced ? `${formatCount(group.silenced)} silenced` : null,
  ].filter(Boolean);
  return (
    <li
      className="rounded-lg border border-zinc-200 dark:border-zinc-800"
      data-testid="alert-group"
      data-rule={group.rule}
      data-severity={group.worstSeverity}
    >
      <details>
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
          <input
            type="checkbox"
            aria-label={`Select ${ruleLabel(group.rule)} group`}
            checked={selected}
            onClick={(e) => e.stopPropagation()}
            onChange={(e) => onSelect(e.target.checked)}
          />
          <SeverityBadge severity={group.worstSeverity} />
          <span className="font-medium">{ruleLabel(group.rule)}</span>
          <span className="rounded bg-zinc-100 px-1.5 text-xs tabular-nums dark:bg-zinc-800">
            {formatCount(group.count)} {group.count === 1 ? "alert" : "alerts"}
          </span>
          <span className="text-sm text-zinc-600 dark:text-zinc-400">
            {group.team ?? "no team"}
            {subject ? ` · ${subject}` : ""}
          </span>
          {notes.length ? <span className="text-xs text-zinc-500">{notes.join(", ")}</span> : null}
          <span className="ml-auto text-xs text-zinc-500">
            newest <RelativeTime iso={group.latestOpenedAt} />
          </span>
        </summary>
        <div className="space-y-2 border-t border-zinc-200 p-3 dark:border-zinc-800">
          <GroupActions groupKeys={[group.groupKey]} label="group" />
          <AlertTable alerts={group.members} />
          {group.members.length < group.count ? (
            <p className="text-xs text-zinc-500">
              The first {formatCount(group.members.length)} of {formatCount(group.count)}; filter to see the rest.
            </p>
          ) : null}
        </div>
      </details>
    </li>
  );
}

const pageButton =
  "rounded border border-zinc-300 px-2 py-1 hover:bg-zinc-100 disabled:opacity-40 disabled:hover:bg-transparent dark:border-zinc-700 dark:hover:bg-zinc-800";

/** The alert list in groups, worst and newest first, with bulk acknowledge and silence. */
export function AlertGroupsView() {
  const [state, set] = useQueryStates(alertsView.parsers);
  const list = useApiQuery(alertQueries.groups(canonicalSearch(alertsView.parsers, state)));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const select = (key: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <div className="space-y-3">
      <AlertFilters facets={list.data?.facets} />
      <QueryState query={list} what="the alerts" skeletonClassName="h-96">
        {(data) =>
          data.totalGroups === 0 ? (
            <EmptyState title="No alerts match">
              {state.state === "active"
                ? "Nothing needs attention right now. Resolved alerts stay under the “resolved” state."
                : "Clear some filters to see more."}
            </EmptyState>
          ) : (
            <div
              className={`space-y-2 ${list.isPlaceholderData ? "opacity-60" : ""}`}
              aria-busy={list.isPlaceholderData}
            >
              {selected.size > 0 ? (
                <GroupActions groupKeys={[...selected]} label={`${selected.size} selected`} />
              ) : null}
              <ul className="space-y-2" aria-label="Alert groups">
                {data.groups.map((group) => (
                  <GroupRow
                    key={group.groupKey}
                    group={group}
                    selected={selected.has(group.groupKey)}
                    onSelect={(on) => select(group.groupKey, on)}
                  />
                ))}
              </ul>
              <nav aria-label="Pages" className="flex items-center justify-between text-sm">
                <p className="tabular-nums text-zinc-600 dark:text-zinc-400" aria-live="polite">
                  {formatCount(data.totalGroups)} groups, {formatCount(data.totalAlerts)} alerts
                </p>
                <div className="flex gap-2">
                  <button
                    type="button"
                    className={pageButton}
                    disabled={data.page <= 1}
                    onClick={() => void set({ page: data.page - 1 })}
                  >
                    Previous
                  </button>
                  <button
                    type="button"
                    className={pageButton}
                    disabled={data.page * data.pageSize >= data.totalGroups}
                    onClick={() => void set({ page: data.page + 1 })}
                  >
                    Next
                  </button>
                </div>
              </nav>
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
