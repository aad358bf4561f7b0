import type { FleetSummary } from "@/lib/contracts/fleet";
import { STATE_COLORS } from "../ui/badges";
import { formatCount, formatPercent } from "../ui/format";
import { RelativeTime } from "../ui/relative-time";
import { Stat } from "../ui/stat";

const SHOWN_STATES = ["Active", "Pending", "Inactive", "Failed"];

export function HeadlineFigures({ summary }: { summary: FleetSummary }) {
  const otherStates = Object.entries(summary.byState).filter(([state]) => !SHOWN_STATES.includes(state));
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
      <Stat label="Functions" value={formatCount(summary.functions)} />
      <Stat
        label="Image functions"
        value={formatCount(summary.imageFunctions)}
        detail={`${formatPercent(summary.imageShare, 0)} of the fleet`}
      />
      {SHOWN_STATES.map((state) => (
        <Stat
          key={state}
          label={state}
          value={
            <span className="flex items-center gap-2">
              <span aria-hidden="true" className="size-2.5 rounded-full" style={{ background: STATE_COLORS[state] }} />
              {formatCount(summary.byState[state] ?? 0)}
            </span>
          }
          detail={`${formatCount(summary.imageByState[state] ?? 0)} image`}
        />
      ))}
      <Stat
        label="Coverage"
        value={`${summary.accounts} × ${summary.regions}`}
        detail={
          <>
            accounts × regions · collected <RelativeTime iso={summary.lastCollectionAt} />
            {otherStates.length > 0 ? ` · ${otherStates.map(([s, n]) => `${n} ${s}`).join(", ")}` : null}
          </>
        }
      />
    </dl>
  );
}
