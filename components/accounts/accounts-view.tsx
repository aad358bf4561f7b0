"use client";

import type { AccountRegionStatus, AccountStatus } from "@/lib/contracts/accounts";
import { apiQueries } from "@/lib/query/api-queries";
import { useApiQuery } from "@/lib/query/use-api-query";
import { Card } from "../ui/card";
import { formatCount, formatDateTime, formatDuration } from "../ui/format";
import { QueryState } from "../ui/query-state";
import { RelativeTime } from "../ui/relative-time";
import { EmptyState } from "../ui/states";
import { type HeaderColumn, TableHead } from "../ui/table-head";

const STATUS_STYLE: Record<string, string> = {
  ok: "text-state-active",
  partial: "text-amber-700 dark:text-amber-400",
  failed: "text-red-700 dark:text-red-400",
  running: "text-accent",
};

const LEFT = "px-3 py-1.5";
const RIGHT = "px-3 py-1.5 text-right";
const POLL_COLUMNS: HeaderColumn[] = [
  { label: "Region", className: LEFT },
  { label: "Last poll", className: LEFT },
  { label: "Duration", className: RIGHT },
  { label: "Functions", className: RIGHT },
  { label: "Calls", className: LEFT },
  { label: "Throttles", className: RIGHT },
  { label: "Errors", className: LEFT },
];

function PollRow({ scope }: { scope: AccountRegionStatus }) {
  const poll = scope.lastPoll;
  return (
    <tr className="align-top">
      <th scope="row" className="px-3 py-2 text-left font-medium">
        {scope.region}
      </th>
      <td className="px-3 py-2">
        {poll ? (
          <>
            <span className={`font-medium ${STATUS_STYLE[poll.status] ?? ""}`}>{poll.status}</span>{" "}
            <RelativeTime iso={poll.startedAt} />
            <div className="text-xs text-zinc-500 dark:text-zinc-400">
              last success {formatDateTime(scope.lastSuccessAt)}
            </div>
          </>
        ) : (
          "not polled yet"
        )}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{formatDuration(poll?.durationMs)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{formatCount(scope.functions)}</td>
      <td className="px-3 py-2 text-xs">
        {poll
          ? Object.entries(poll.calls).map(([api, n]) => (
              <div key={api} className="tabular-nums">
                <code>{api}</code> {formatCount(n)}
              </div>
            ))
          : "—"}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{formatCount(poll?.throttles)}</td>
      <td className="px-3 py-2 text-xs">
        {poll && poll.errorCount > 0 ? (
          <>
            <span className="font-medium text-red-700 dark:text-red-400">
              {formatCount(poll.errorCount)} {poll.errorCount === 1 ? "error" : "errors"}
            </span>
            <ul className="mt-0.5 space-y-0.5">
              {poll.errors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: errors carry no id and may repeat verbatim
                <li key={i}>
                  <code>{e.api}</code> {e.functionName ? `(${e.functionName}) ` : ""}
                  <strong>{e.code}</strong> {e.message}
                </li>
              ))}
            </ul>
          </>
        ) : (
          "none"
        )}
      </td>
    </tr>
  );
}

function AccountCard({ account }: { account: AccountStatus }) {
  return (
    <Card
      title={
        <>
          {account.name} <span className="font-mono font-normal text-zinc-500 dark:text-zinc-400">{account.id}</span>
        </>
      }
      actions={<span className="text-xs text-zinc-500 dark:text-zinc-400">from {account.source}</span>}
    >
      {account.assumeError ? (
        <div
          role="alert"
          className="mb-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm dark:border-red-900/60 dark:bg-red-950/40"
        >
          <p className="font-medium text-red-800 dark:text-red-300">
            ImageFleet cannot assume its role in this account{account.roleArn ? ` (${account.roleArn})` : ""}
          </p>
          <p className="text-red-700 dark:text-red-400">
            {account.assumeError} — since <RelativeTime iso={account.assumeErrorAt} />. Check the role’s trust policy
            and external id.
          </p>
        </div>
      ) : null}
      {account.regions.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No region polled yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <TableHead
              columns={POLL_COLUMNS}
              className="text-left text-xs font-semibold text-zinc-600 dark:text-zinc-400"
            />
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {account.regions.map((scope) => (
                <PollRow key={scope.region} scope={scope} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export function AccountsView() {
  const accounts = useApiQuery(apiQueries.accounts());
  return (
    <QueryState query={accounts} what="the accounts">
      {(list) =>
        list.length === 0 ? (
          <EmptyState title="No accounts yet">
            Add accounts (or Organizations discovery) to <code>imagefleet.config.json</code>; they appear here after the
            first collection.
          </EmptyState>
        ) : (
          <div className="space-y-3">
            {list.map((account) => (
              <AccountCard key={account.id} account={account} />
            ))}
          </div>
        )
      }
    </QueryState>
  );
}
