import { REPORT_CSV_SECTIONS } from "@/lib/reports/csv";
import { reportExportPath } from "@/lib/reports/paths";
import { ACTION_CLASS } from "./button-style";

const LISTS = REPORT_CSV_SECTIONS.filter((section) => section !== "metrics");

/** CSV and JSON downloads of the report on screen, and each of its lists as its own CSV. */
export function ExportLinks({ week, team }: { week: string; team: string | null }) {
  return (
    <span className="no-print flex items-center gap-2">
      <a href={reportExportPath(week, "csv", team)} download className={ACTION_CLASS}>
        CSV
      </a>
      <details className="relative">
        <summary className={`${ACTION_CLASS} cursor-pointer list-none`}>Lists as CSV</summary>
        <ul className="absolute right-0 z-10 mt-1 w-56 rounded border border-zinc-300 bg-white p-2 text-sm shadow dark:border-zinc-700 dark:bg-zinc-900">
          {LISTS.map((section) => (
            <li key={section}>
              <a href={reportExportPath(week, "csv", team, section)} download className="text-accent hover:underline">
                {section.replaceAll("-", " ")}
              </a>
            </li>
          ))}
        </ul>
      </details>
      <a href={reportExportPath(week, "json", team)} download className={ACTION_CLASS}>
        JSON
      </a>
    </span>
  );
}
