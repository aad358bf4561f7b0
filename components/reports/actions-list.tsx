import Link from "next/link";
import type { ReportAction } from "@/lib/reports/actions";

/** The week's ranked actions, each linking to the functions it is about; says so when there are none. */
export function ActionsList({ actions }: { actions: readonly ReportAction[] }) {
  if (actions.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400 print:text-black">Nothing to act on this week.</p>;
  }
  return (
    <ol aria-label="Actions" className="list-decimal space-y-1 pl-5 text-sm">
      {actions.map((action) => (
        <li key={action.text}>
          <Link href={action.href} className="text-accent hover:underline print:text-black print:no-underline">
            {action.text}
          </Link>
        </li>
      ))}
    </ol>
  );
}
