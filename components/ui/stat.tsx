import type { ReactNode } from "react";

/** One headline figure: a label, the number, an optional line of context. */
export function Stat({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 text-2xl font-semibold tabular-nums tracking-tight">{value}</dd>
      {detail ? <dd className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{detail}</dd> : null}
    </div>
  );
}
