import type { TimelineEvent } from "@/lib/contracts/alerts";
import { formatDateTime } from "../ui/format";

function describe(event: TimelineEvent): string {
  switch (event.kind) {
    case "opened":
      return `Opened as ${event.severity}`;
    case "escalated":
      return `Escalated from ${event.from} to ${event.to}`;
    case "lowered":
      return `Lowered from ${event.from} to ${event.to}`;
    case "acknowledged":
      return event.by ? `Acknowledged by ${event.by}` : "Acknowledged";
    case "silenced":
      return `Silenced until ${formatDateTime(event.until)}`;
    case "unsilenced":
      return "Silence lifted";
    case "resolved":
      return "Resolved: the rule no longer fires";
  }
}

/** The alert's own events, oldest first. */
export function AlertTimeline({ events }: { events: readonly TimelineEvent[] }) {
  return (
    <ol className="space-y-1.5 text-sm">
      {events.map((event) => (
        <li key={`${event.kind}:${event.at}`} className="flex gap-3">
          <time dateTime={event.at} className="w-40 shrink-0 tabular-nums text-zinc-500 dark:text-zinc-400">
            {formatDateTime(event.at)}
          </time>
          <span>{describe(event)}</span>
        </li>
      ))}
    </ol>
  );
}
