import type { FunctionCost } from "@/lib/contracts/function-detail";
import { Card } from "../ui/card";
import { Definition, DefinitionList } from "../ui/definition-list";

const NOT_COLLECTED = "not collected";

/** Dollars to the cent, fractions of a cent to four significant digits (a cheap function is not "$0.00"). */
export function formatUsd(value: number | null): string {
  if (value === null) return NOT_COLLECTED;
  if (value === 0) return "$0";
  if (Math.abs(value) >= 0.01) return `$${value.toFixed(2)}`;
  return `$${value.toPrecision(4)}`;
}

/** What the window cost, as an estimate with its method and what it leaves out. */
export function CostCard({ cost }: { cost: FunctionCost }) {
  return (
    <Card title="Estimated cost">
      <p className="text-lg font-semibold tabular-nums">
        {formatUsd(cost.total)}
        {cost.perDay === null ? null : (
          <span className="ml-2 text-sm font-normal text-zinc-500 dark:text-zinc-400">
            {formatUsd(cost.perDay)} / day
          </span>
        )}
      </p>
      <DefinitionList>
        <Definition label="Requests">{formatUsd(cost.requests)}</Definition>
        <Definition label="Compute">{formatUsd(cost.compute)}</Definition>
        <Definition label="Cold starts (init)">{formatUsd(cost.init)}</Definition>
        <Definition label="Ephemeral storage">{formatUsd(cost.ephemeralStorage)}</Definition>
      </DefinitionList>
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
        An estimate over the covered part of the window, without {cost.excludes.join(", ")}. Method:{" "}
        <code>{cost.method}</code>.
      </p>
    </Card>
  );
}
