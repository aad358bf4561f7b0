import type { ReactNode } from "react";

/** The sign-in pages' message: what happened, in plain words, and what to do next. */
export function AuthNotice({ label, title, children }: { label: string; title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-accent">{label}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-2 space-y-4 text-zinc-500 dark:text-zinc-400">{children}</div>
    </div>
  );
}

export const authActionClass = "inline-block rounded bg-accent px-3 py-1.5 text-sm font-medium text-white";
