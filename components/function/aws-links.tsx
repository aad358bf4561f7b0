import type { FunctionDetail } from "@/lib/contracts/function-detail";
import { lambdaConsoleUrl, logsInsightsUrl } from "@/lib/url-state/aws-console";

const linkClass =
  "inline-flex items-center gap-1 rounded border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

type LinkedFunction = Pick<FunctionDetail, "accountId" | "accountName" | "region" | "name" | "logGroup" | "window">;

/** The console has no account in its URLs: the account id stands beside the links so nobody looks in the wrong one. */
export function AwsLinks({ fn }: { fn: LinkedFunction }) {
  const logsWindow = { from: new Date(fn.window.from), to: new Date(fn.window.to) };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-xs text-zinc-500 dark:text-zinc-400">
        sign in to <strong className="font-mono">{fn.accountId}</strong> ({fn.accountName}), {fn.region}:
      </span>
      <a href={lambdaConsoleUrl(fn.region, fn.name)} target="_blank" rel="noreferrer" className={linkClass}>
        Lambda console ↗
      </a>
      <a
        href={logsInsightsUrl({ region: fn.region, logGroup: fn.logGroup, ...logsWindow })}
        target="_blank"
        rel="noreferrer"
        className={linkClass}
      >
        Cold starts in Logs Insights ↗
      </a>
    </div>
  );
}
