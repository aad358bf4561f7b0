import type { FunctionDetail } from "@/lib/contracts/function-detail";
import { idleLevelClass } from "../ui/badges";
import { Card } from "../ui/card";
import { Definition, DefinitionList } from "../ui/definition-list";
import { formatDate, formatDateTime, formatDays } from "../ui/format";

/** "since 2026-12-01 10:00 UTC", or "since at least …" when the state was already so at first sight. */
export function sinceText(since: FunctionDetail["stateSince"]): string {
  if (since === null) return "";
  return `since ${since.atLeast ? "at least " : ""}${formatDateTime(since.at)}`;
}

/**
 * Idle days against the threshold, a prediction for an Active function. An Inactive function is past
 * it (Lambda already reclaimed it), and a Failed one is stopped by something other than idleness.
 */
export function IdleCard({ idle, since }: { idle: FunctionDetail["idle"]; since: FunctionDetail["stateSince"] }) {
  const share = idle.inactiveSince ? 1 : Math.min(1, idle.idleDays / idle.thresholdDays);
  const idleFor = `${idle.idleSinceUnknown ? "≥ " : ""}${formatDays(idle.idleDays)}`;
  return (
    <Card title="Idle">
      {idle.inactiveSince ? (
        <p className={`text-lg font-semibold ${idleLevelClass(idle.level)}`}>
          Inactive {sinceText(since)}, idle {idleFor.startsWith("≥") ? idleFor : `≥ ${idleFor}`}
        </p>
      ) : idle.failed ? (
        <p className="text-lg font-semibold">
          Failed {sinceText(since)}: idle is not the issue
          <span className="block text-sm font-normal text-zinc-600 dark:text-zinc-300">
            It cannot run until its image or configuration is fixed (see the state reason above), and Lambda does not
            reclaim a Failed function for idleness.
          </span>
        </p>
      ) : (
        <p className={`text-2xl font-semibold tabular-nums ${idleLevelClass(idle.level)}`}>
          {idleFor}
          <span className="ml-1 text-sm font-normal text-zinc-500 dark:text-zinc-400">
            of {idle.thresholdDays} d threshold
          </span>
        </p>
      )}
      <meter className="sr-only" min={0} max={idle.thresholdDays} value={idle.idleDays}>
        {formatDays(idle.idleDays)} of {idle.thresholdDays} days
      </meter>
      {idle.failed ? null : (
        <div aria-hidden="true" className="my-2 h-2 overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800">
          <div
            className={`h-full ${idle.level === "ok" ? "bg-state-active" : idle.level === "warn" ? "bg-state-pending" : "bg-state-failed"}`}
            style={{ width: `${share * 100}%` }}
          />
        </div>
      )}
      <DefinitionList>
        <Definition label="Last invoked">
          {idle.lastInvokedAt ? formatDateTime(idle.lastInvokedAt) : "not in the history we hold"}
        </Definition>
        <Definition label="Crosses threshold">
          {idle.predictedInactiveAt
            ? formatDate(idle.predictedInactiveAt)
            : idle.inactiveSince
              ? "already Inactive: the next invocation fails and starts reactivating it"
              : idle.failed
                ? "does not apply to a Failed function"
                : "already past it — Lambda may make it Inactive at any time"}
        </Definition>
      </DefinitionList>
    </Card>
  );
}
