import { type Coverage, coverageNote } from "@/lib/analysis/coverage";
import { formatDateTime } from "./format";

/** "7 d · covers the last 2 d ·" before a total whose window is only partly collected; nothing when fully covered. */
export function CoverageNote({ coverage, window }: { coverage: Coverage; window: { from: string; to: string } }) {
  const note = coverageNote(coverage, window);
  if (note === null) return null;
  return (
    <>
      <span
        className="font-medium text-amber-700 dark:text-amber-400"
        title={
          coverage.from ? `Collected from ${formatDateTime(coverage.from)}; earlier figures are unknown` : undefined
        }
      >
        {note}
      </span>{" "}
      ·{" "}
    </>
  );
}
