import { HOUR_MS } from "../time";
import type { ReportWindow } from "./function-week";
import type { CollectionFigures, ReportPollRun } from "./types";

export function collectionFigures(runs: readonly ReportPollRun[], window: ReportWindow): CollectionFigures {
  const { start, asOf } = window;
  const inWindow = runs.filter((run) => run.startedAt >= start && run.startedAt < asOf);
  const hours = Math.ceil((asOf.getTime() - start.getTime()) / HOUR_MS);
  const coveredHours = new Set(
    inWindow
      .filter((run) => run.finishedAt !== null)
      .map((run) => Math.floor((run.startedAt.getTime() - start.getTime()) / HOUR_MS)),
  );
  return {
    runs: inWindow.length,
    calls: inWindow.reduce((sum, run) => sum + run.calls, 0),
    throttles: inWindow.reduce((sum, run) => sum + run.throttles, 0),
    errors: inWindow.reduce((sum, run) => sum + run.errors, 0),
    runsWithErrors: inWindow.filter((run) => run.errors > 0).length,
    coverage: hours > 0 ? coveredHours.size / hours : null,
  };
}
