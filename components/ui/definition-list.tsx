import type { ReactNode } from "react";

/** Label / value pairs in two columns. */
export function DefinitionList({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">{children}</dl>;
}

/** One pair of a DefinitionList; an empty value shows a dash. */
export function Definition({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words">
        {children === null || children === undefined || children === "" ? "—" : children}
      </dd>
    </>
  );
}
