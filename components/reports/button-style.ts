/** The look of the report pages' secondary actions (links and buttons alike). */
export const ACTION_CLASS =
  "rounded border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";
