import type { FunctionDetail } from "@/lib/contracts/function-detail";
import { stateColor } from "../ui/badges";
import { formatDateTime } from "../ui/format";

type Props = Pick<FunctionDetail, "intervals" | "transitions" | "window">;

/**
 * The function's observed states as one band over the window, transitions marked; each segment
 * says its state, reason and span on hover, and the transitions are listed below as text.
 */
export function StateTimeline({ intervals, transitions, window }: Props) {
  const start = Date.parse(window.from);
  const end = Date.parse(window.to);
  const span = end - start;
  const position = (iso: string) => ((Math.min(Math.max(Date.parse(iso), start), end) - start) / span) * 100;
  const states = [...new Set(intervals.map((i) => i.state))];
  return (
    <figure aria-label="State timeline">
      <div className="relative h-8 overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800">
        {intervals.map((interval) => {
          const left = position(interval.from);
          const width = position(interval.to ?? window.to) - left;
          const label = `${interval.state}${interval.reasonCode ? ` (${interval.reasonCode})` : ""} from ${formatDateTime(interval.from)} to ${interval.to ? formatDateTime(interval.to) : "now"}${interval.reason ? ` — ${interval.reason}` : ""}`;
          return (
            <span
              key={interval.from}
              role="img"
              title={label}
              aria-label={label}
              data-state={interval.state}
              className="absolute inset-y-0 hover:brightness-110"
              style={{ left: `${left}%`, width: `${Math.max(width, 0.3)}%`, background: stateColor(interval.state) }}
            />
          );
        })}
        {transitions.map((t) => (
          <div
            key={t.at}
            aria-hidden="true"
            className="absolute inset-y-0 w-0.5 bg-zinc-900 dark:bg-white"
            style={{ left: `${position(t.at)}%` }}
          />
        ))}
      </div>
      <figcaption className="mt-1 flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span>{formatDateTime(window.from)}</span>
        <span className="flex gap-3">
          {states.map((state) => (
            <span key={state} className="flex items-center gap-1">
              <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ background: stateColor(state) }} />
              {state}
            </span>
          ))}
          {intervals.length === 0 ? <span>No state observed in this window</span> : null}
        </span>
        <span>{formatDateTime(window.to)}</span>
      </figcaption>
      {transitions.length > 0 ? (
        <ol className="mt-2 space-y-0.5 text-xs">
          {transitions.map((t) => (
            <li key={t.at}>
              <time dateTime={t.at} className="tabular-nums text-zinc-500 dark:text-zinc-400">
                {formatDateTime(t.at)}
              </time>{" "}
              {t.from} → <strong>{t.to}</strong>
              {t.reasonCode ? ` (${t.reasonCode})` : ""}
            </li>
          ))}
        </ol>
      ) : null}
    </figure>
  );
}
