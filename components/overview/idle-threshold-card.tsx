import type { IdleThresholdAnswer } from "@/lib/contracts/idle-threshold";
import { Card } from "../ui/card";

const days = (value: number) => `${value.toFixed(1)} d`;

/** When this fleet's functions really went Inactive, and which threshold the predictions use. */
export function IdleThresholdCard({ answer }: { answer: IdleThresholdAnswer }) {
  return (
    <Card title="Idle threshold, learned from this fleet">
      <ul className="space-y-2 text-sm">
        {answer.packageTypes.map(({ packageType, distribution, inForce }) => (
          <li key={packageType} data-package-type={packageType}>
            <span className="font-medium">{packageType} functions: </span>
            {distribution ? (
              <span>
                went Inactive after {days(distribution.min)}–{days(distribution.max)} idle (median{" "}
                {days(distribution.median)}, n = {distribution.n}).{" "}
              </span>
            ) : (
              <span className="text-zinc-500 dark:text-zinc-400">no Active → Inactive transition observed yet. </span>
            )}
            <span className="text-zinc-600 dark:text-zinc-300">
              Predictions use <strong className="tabular-nums">{days(inForce.thresholdDays)}</strong> ({inForce.reason}
              ).
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
        An estimate from observed transitions and hourly metrics; how it is measured: <code>{answer.method}</code>.
      </p>
    </Card>
  );
}
