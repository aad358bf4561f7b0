import { reportExportPath } from "@/lib/reports/paths";
import { ACTION_CLASS } from "./button-style";

/** CSV and JSON downloads of the report on screen. */
export function ExportLinks({ week, team }: { week: string; team: string | null }) {
  return (
    <span className="no-print flex items-center gap-2">
      <a href={reportExportPath(week, "csv", team)} download className={ACTION_CLASS}>
        CSV
      </a>
      <a href={reportExportPath(week, "json", team)} download className={ACTION_CLASS}>
        JSON
      </a>
    </span>
  );
}
