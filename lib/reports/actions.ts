import type { SectionFigures } from "@/lib/analysis/report/types";
import type { IsoWeekLabel } from "@/lib/analysis/weeks";
import { reportPath } from "./paths";

export const MAX_ACTIONS = 10;

/** One thing a lead can do this week, and where its functions are listed. */
export interface ReportAction {
  text: string;
  /** A path within ImageFleet: the filtered functions table or the report's section. */
  href: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function functionsHref(team: string | null, filters: Record<string, string>): string {
  const query = new URLSearchParams({ ...(team === null ? {} : { team }), ...filters });
  return `/functions?${query}`;
}

/**
 * What to do about the week, most urgent first and at most MAX_ACTIONS: functions that failed and
 * have not recovered, functions about to go Inactive, images to rebuild (one line per base image
 * with newer releases), deprecated runtimes, critical findings, cold-start regressions.
 */
export function reportActions(
  figures: SectionFigures,
  scope: { week: IsoWeekLabel; team: string | null },
): ReportAction[] {
  const section = (id: string) => `${reportPath(scope.week, scope.team)}#${id}-title`;
  const actions: ReportAction[] = [];

  const failed = figures.lifecycle.wentFailed;
  const stillFailed = failed.count - failed.recovered;
  if (stillFailed > 0) {
    actions.push({
      text: `Fix ${plural(stillFailed, "function")} that went Failed this week and ${stillFailed === 1 ? "has" : "have"} not recovered`,
      href: functionsHref(scope.team, { state: "Failed" }),
    });
  }

  const idle = figures.idleRisk;
  if (idle.count > 0) {
    const soonest = idle.items
      .map((entry) => entry.predictedInactiveAt)
      .filter((at): at is string => at !== null)
      .sort()[0];
    const minIdleDays = Math.floor(Math.min(...idle.items.map((entry) => entry.idleDays)));
    actions.push({
      text: `Invoke or delete ${plural(idle.count, "function")} crossing the idle threshold${soonest ? `, the first on ${soonest.slice(0, 10)}` : ""}`,
      href: functionsHref(scope.team, {
        state: "Active",
        idleMin: String(minIdleDays),
        sort: "lastInvoked",
        dir: "asc",
      }),
    });
  }

  const byBase = new Map<string, { runtime: string; newest: string; behind: number; functions: Set<string> }>();
  for (const entry of figures.images.behindOnBase.items) {
    const key = `${entry.runtime}|${entry.newest}`;
    const group = byBase.get(key) ?? { runtime: entry.runtime, newest: entry.newest, behind: 0, functions: new Set() };
    group.behind = Math.max(group.behind, entry.releasesBehind);
    group.functions.add(entry.function.id);
    byBase.set(key, group);
  }
  const bases = [...byBase.values()].sort((a, b) => b.functions.size - a.functions.size || b.behind - a.behind);
  for (const base of bases) {
    actions.push({
      text: `Rebuild ${plural(base.functions.size, "function")} on ${base.runtime} (up to ${plural(base.behind, "release")} behind ${base.newest})`,
      href: section("images"),
    });
  }

  const deprecated = figures.images.deprecatedRuntimes;
  if (deprecated.count > 0) {
    actions.push({
      text: `Move ${plural(deprecated.count, "function")} off deprecated or soon-deprecated runtimes`,
      href: section("images"),
    });
  }

  const critical = figures.images.criticalFindings;
  if (critical.count > 0) {
    actions.push({
      text: `Patch the images of ${plural(critical.count, "function")} with critical findings`,
      href: section("images"),
    });
  }

  const regressions = figures.coldStarts.topRegressions;
  if (regressions.count > 0) {
    actions.push({
      text: `Look into ${plural(regressions.count, "function")} whose cold starts regressed`,
      href: section("cold-starts"),
    });
  }

  return actions.slice(0, MAX_ACTIONS);
}
