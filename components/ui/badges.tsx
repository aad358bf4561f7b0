import type { ReactNode } from "react";

/** Colours of the lifecycle states (app/globals.css); other observed states (the enum is open) are neutral. */
export const STATE_COLORS: Record<string, string> = {
  Active: "var(--color-state-active)",
  Pending: "var(--color-state-pending)",
  Inactive: "var(--color-state-inactive)",
  Failed: "var(--color-state-failed)",
};
export const OTHER_STATE_COLOR = "oklch(0.7 0.05 300)";

export function stateColor(state: string | null): string {
  return (state && STATE_COLORS[state]) || OTHER_STATE_COLOR;
}

function Badge({ children, title, className = "" }: { children: ReactNode; title?: string; className?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${className}`}
    >
      {children}
    </span>
  );
}

export function StateBadge({
  state,
  reasonCode,
  reason,
}: {
  state: string | null;
  reasonCode?: string | null;
  reason?: string | null;
}) {
  return (
    <Badge title={reason ?? undefined} className="bg-zinc-100 dark:bg-zinc-800">
      <span aria-hidden="true" className="size-2 rounded-full" style={{ background: stateColor(state) }} />
      {state ?? "Unknown"}
      {reasonCode ? <span className="font-normal text-zinc-500 dark:text-zinc-400">· {reasonCode}</span> : null}
    </Badge>
  );
}

export function PackageTypeBadge({ packageType }: { packageType: string }) {
  return packageType === "Image" ? (
    <Badge className="bg-accent/15 text-accent dark:bg-accent/25 dark:text-blue-300">Image</Badge>
  ) : (
    <Badge className="bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{packageType}</Badge>
  );
}

const IDLE_LEVEL_STYLE: Record<string, string> = {
  ok: "text-zinc-600 dark:text-zinc-300",
  warn: "text-amber-700 dark:text-amber-400",
  critical: "text-red-700 dark:text-red-400",
  "past-threshold": "text-red-700 font-semibold dark:text-red-400",
};

export function idleLevelClass(level: string): string {
  return IDLE_LEVEL_STYLE[level] ?? IDLE_LEVEL_STYLE.ok!;
}

export function DeletedBadge() {
  return <Badge className="bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300">deleted</Badge>;
}
