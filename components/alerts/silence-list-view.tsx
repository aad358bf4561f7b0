"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ruleLabel } from "@/lib/alerts/rules";
import type { SilenceListItem } from "@/lib/contracts/silences";
import { ALL_ALERTS_KEY, alertQueries } from "@/lib/query/api-queries";
import { postJson } from "@/lib/query/fetch-json";
import { useApiQuery } from "@/lib/query/use-api-query";
import { formatCount } from "../ui/format";
import { QueryState } from "../ui/query-state";
import { RelativeTime } from "../ui/relative-time";
import { EmptyState, ErrorState } from "../ui/states";
import { actionButton } from "./silence-form";

const cell = "px-2 py-1.5 align-top";

/** A group key reads "rule=failed,team=payments,…": shown as its decoded labels. */
function describeMatchers(matchers: SilenceListItem["matchers"]): string[] {
  const parts: string[] = [];
  if (matchers.groupKey) {
    for (const pair of matchers.groupKey.split(",")) {
      const [label = "", value = ""] = pair.split("=");
      const text = decodeURIComponent(value);
      parts.push(`${label} = ${label === "rule" ? ruleLabel(text) : text || "(none)"}`);
    }
  }
  if (matchers.rule) parts.push(`rule = ${ruleLabel(matchers.rule)}`);
  if (matchers.team) parts.push(`team = ${matchers.team}`);
  if (matchers.accountId) parts.push(`account = ${matchers.accountId}`);
  if (matchers.region) parts.push(`region = ${matchers.region}`);
  if (matchers.environment) parts.push(`environment = ${matchers.environment}`);
  if (matchers.functionPattern) parts.push(`function ~ ${matchers.functionPattern}`);
  return parts;
}

function LiftButton({ id }: { id: string }) {
  const client = useQueryClient();
  const lift = useMutation({
    mutationFn: () => postJson(`/api/alerts/silences/${encodeURIComponent(id)}/lift`, {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: ALL_ALERTS_KEY }),
  });
  return (
    <>
      <button type="button" className={actionButton} disabled={lift.isPending} onClick={() => lift.mutate()}>
        Lift
      </button>
      {lift.isError ? <ErrorState title="Not lifted" message={lift.error.message} /> : null}
    </>
  );
}

export function SilenceListView() {
  const list = useApiQuery(alertQueries.silences());
  return (
    <QueryState query={list} what="the silences" skeletonClassName="h-64">
      {(data) =>
        data.silences.length === 0 ? (
          <EmptyState title="No silences yet">
            Silence a group from the alert list; it shows here with its note.
          </EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
            <table className="w-full text-sm">
              <thead className="bg-zinc-50 text-left text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th className={cell}>Status</th>
                  <th className={cell}>Matches</th>
                  <th className={cell}>Note</th>
                  <th className={cell}>By</th>
                  <th className={cell}>From</th>
                  <th className={cell}>Until</th>
                  <th className={cell}>Silencing</th>
                  <th className={cell} />
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {data.silences.map((silence) => (
                  <tr key={silence.id} data-testid="silence">
                    <td className={cell}>{silence.status}</td>
                    <td className={cell}>
                      <ul>
                        {describeMatchers(silence.matchers).map((part) => (
                          <li key={part} className="font-mono text-xs">
                            {part}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className={cell}>{silence.note}</td>
                    <td className={cell}>
                      {silence.createdBy}
                      {silence.liftedBy ? <p className="text-xs text-zinc-500">lifted by {silence.liftedBy}</p> : null}
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>
                      <RelativeTime iso={silence.startsAt} />
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>
                      <RelativeTime iso={silence.liftedAt ?? silence.endsAt} />
                    </td>
                    <td className={`${cell} tabular-nums`}>{formatCount(silence.silencing)} alerts</td>
                    <td className={cell}>{silence.status === "active" ? <LiftButton id={silence.id} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryState>
  );
}
