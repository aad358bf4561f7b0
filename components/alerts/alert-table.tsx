import Link from "next/link";
import type { AlertSummary } from "@/lib/contracts/alerts";
import { RelativeTime } from "../ui/relative-time";
import { AlertStateBadge, SeverityBadge } from "./severity-badge";

const cell = "px-2 py-1.5 align-top";

export function AlertTable({ alerts }: { alerts: readonly AlertSummary[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-sm">
        <thead className="bg-zinc-50 text-left text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th className={cell}>Severity</th>
            <th className={cell}>Alert</th>
            <th className={cell}>Function</th>
            <th className={cell}>Team</th>
            <th className={cell}>State</th>
            <th className={cell}>Opened</th>
            <th className={cell}>Resolved</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {alerts.map((alert) => (
            <tr key={alert.id}>
              <td className={cell}>
                <SeverityBadge severity={alert.severity} />
              </td>
              <td className={cell}>
                <Link href={`/alerts/${alert.id}`} className="font-medium text-accent hover:underline">
                  {alert.title}
                </Link>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">{alert.reason}</p>
              </td>
              <td className={cell}>
                <span className="font-medium">{alert.function.name ?? "—"}</span>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {alert.function.accountName ?? alert.function.accountId} · {alert.function.region}
                </p>
              </td>
              <td className={cell}>{alert.function.team ?? "—"}</td>
              <td className={cell}>
                <AlertStateBadge state={alert.state} silenced={alert.silenced} />
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <RelativeTime iso={alert.openedAt} />
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <RelativeTime iso={alert.resolvedAt} fallback="—" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
