import type { Severity } from "@/lib/analysis/rules/finding";

const SEVERITY_STYLE: Record<Severity, string> = {
  critical: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  warning: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  info: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
};

const BADGE = "inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium";

export function severityClass(severity: Severity): string {
  return `${BADGE} ${SEVERITY_STYLE[severity]}`;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={severityClass(severity)}>{severity}</span>;
}

export function AlertStateBadge({ state, silenced }: { state: string; silenced: boolean }) {
  const style =
    state === "resolved"
      ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
      : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";
  return (
    <span className="inline-flex items-center gap-1">
      <span className={`${BADGE} ${style}`}>{state}</span>
      {silenced ? <span className={`${BADGE} bg-zinc-100 text-zinc-500 dark:bg-zinc-800`}>silenced</span> : null}
    </span>
  );
}
