import type { FunctionDetail } from "@/lib/contracts/function-detail";
import { idleLevelClass } from "../ui/badges";
import { Card } from "../ui/card";
import { Definition, DefinitionList } from "../ui/definition-list";
import { formatDate, formatDateTime, formatDays } from "../ui/format";

/** Idle days against the threshold. A prediction, never a state: the observed state is in the header. */
export function IdleCard({ idle }: { idle: FunctionDetail["idle"] }) {
  const share = Math.min(1, idle.idleDays / idle.thresholdDays);
  return (
    <Card title="Idle">
      <p className={`text-2xl font-semibold tabular-nums ${idleLevelClass(idle.level)}`}>
        {idle.idleSinceUnknown ? "≥ " : ""}
        {formatDays(idle.idleDays)}
        <span className="ml-1 text-sm font-normal text-zinc-500 dark:text-zinc-400">
          of {idle.thresholdDays} d threshold
        </span>
      </p>
      <meter className="sr-only" min={0} max={idle.thresholdDays} value={idle.idleDays}>
        {formatDays(idle.idleDays)} of {idle.thresholdDays} days
      </meter>
      <div aria-hidden="true" className="my-2 h-2 overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800">
        <div
          className={`h-full ${idle.level === "ok" ? "bg-state-active" : idle.level === "warn" ? "bg-state-pending" : "bg-state-failed"}`}
          style={{ width: `${share * 100}%` }}
        />
      </div>
      <DefinitionList>
        <Definition label="Last invoked">
          {idle.lastInvokedAt ? formatDateTime(idle.lastInvokedAt) : "not in the history we hold"}
        </Definition>
        <Definition label="Crosses threshold">
          {idle.predictedInactiveAt
            ? formatDate(idle.predictedInactiveAt)
            : "already past it — Lambda may make it Inactive at any time"}
        </Definition>
      </DefinitionList>
    </Card>
  );
}
