import type { FunctionDetail } from "@/lib/contracts/function-detail";
import { Card } from "../ui/card";
import { formatDateTime, shortDigest } from "../ui/format";

export function ConfigChangesCard({ changes }: { changes: FunctionDetail["configChanges"] }) {
  return (
    <Card title="Recent changes">
      {changes.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No deploys or configuration changes recorded.</p>
      ) : (
        <ol className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {changes.map((change) => (
            <li key={`${change.at}:${change.kind}`} className="flex flex-wrap items-baseline gap-x-3 py-1.5">
              <time dateTime={change.at} className="tabular-nums text-zinc-500 dark:text-zinc-400">
                {formatDateTime(change.at)}
              </time>
              <span className="font-medium">{change.kind}</span>
              {change.imageDigest ? <code className="text-xs">{shortDigest(change.imageDigest)}</code> : null}
              {Object.keys(change.details).length > 0 ? (
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  {Object.keys(change.details).join(", ")}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
