import Link from "next/link";
import { RULE_LABELS } from "@/lib/alerts/rules";
import type { RuleId } from "@/lib/analysis/rules/finding";
import type { FunctionAlerts } from "@/lib/contracts/alerts";
import { severityClass } from "./severity-badge";

/**
 * A function's active alerts as small badges, each linking to its alert page, worst first. The
 * functions table shows a couple (`max`), the function page all of them.
 */
export function WarningBadges({
  alerts,
  max = Number.POSITIVE_INFINITY,
}: {
  alerts: FunctionAlerts | undefined;
  max?: number;
}) {
  if (!alerts || alerts.count === 0) return null;
  const shown = alerts.alerts.slice(0, max);
  const hidden = alerts.alerts.slice(shown.length);
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {shown.map((alert) => (
        <Link
          key={alert.id}
          href={`/alerts/${alert.id}`}
          title={alert.title}
          className={`${severityClass(alert.severity)} hover:underline`}
        >
          {RULE_LABELS[alert.rule as RuleId] ?? alert.rule}
        </Link>
      ))}
      {hidden.length > 0 ? (
        <span
          className="text-xs text-zinc-500 dark:text-zinc-400"
          title={hidden.map((alert) => alert.title).join("\n")}
        >
          +{hidden.length}
        </span>
      ) : null}
    </span>
  );
}
