import type { ReactNode } from "react";

/** One part of the report: starts a new printed page, never split across two when it fits on one. */
export function ReportSection({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900 print:break-before-page print:first:break-before-auto print:border-0 print:bg-white print:p-0"
    >
      <h2 id={`${id}-title`} className="mb-3 text-base font-semibold print:text-black">
        {title}
      </h2>
      <div className="space-y-4">{children}</div>
    </section>
  );
}

export function SubSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="break-inside-avoid">
      <h3 className="mb-1.5 text-sm font-medium text-zinc-700 dark:text-zinc-300 print:text-black">{title}</h3>
      {children}
    </div>
  );
}
