import { compareStrings } from "./compare";
import { collectionFigures } from "./report/collection";
import { functionWeek, type ReportWindow } from "./report/function-week";
import { type InventoryBaseline, sectionFigures } from "./report/section";
import type { ReportAlert, ReportConfig, ReportFigures, ReportInput } from "./report/types";
import { DEFAULT_RULE_CONFIG } from "./rules/config";
import { nextWeek, weekBounds, weekDaysBefore } from "./weeks";

export const UNOWNED_TEAM = "unowned";

export const DEFAULT_REPORT_CONFIG: ReportConfig = {
  idle: DEFAULT_RULE_CONFIG.idle,
  coldStart: DEFAULT_RULE_CONFIG.coldStart,
  deprecationWarningDays: DEFAULT_RULE_CONFIG.deprecationWarningDays,
  listLimit: 50,
};

export function teamOf(tags: Readonly<Record<string, string>>, ownerTagKey: string): string {
  return tags[ownerTagKey]?.trim() || UNOWNED_TEAM;
}

/**
 * The figures of one weekly report, for the fleet and per team. The output is plain data with a
 * fixed key order and sorted lists, so equal input gives byte-identical JSON — whatever order the
 * caller's rows came in.
 */
export function computeReportFigures(input: ReportInput): ReportFigures {
  const { start, end } = weekBounds(input.week, input.timeZone);
  if (input.now <= start) throw new RangeError(`week ${input.week} has not started at ${input.now.toISOString()}`);
  const asOf = new Date(Math.min(input.now.getTime(), end.getTime()));
  const window: ReportWindow = {
    start,
    asOf,
    horizon: weekBounds(nextWeek(input.week), input.timeZone).end,
    days: weekDaysBefore(input.week, input.timeZone, asOf),
  };

  const functions = [...input.functions].sort((a, b) => compareStrings(a.id, b.id));
  const teamById = new Map(functions.map((fn) => [fn.id, teamOf(fn.tags, input.ownerTagKey)]));
  const weeks = functions.flatMap((fn) => functionWeek(fn, teamById.get(fn.id)!, window, input.config) ?? []);
  const alerts = [...input.alerts].sort((a, b) => compareStrings(a.id, b.id));
  const alertTeam = (alert: ReportAlert) =>
    (alert.functionId === null ? undefined : teamById.get(alert.functionId)) ?? alert.team ?? UNOWNED_TEAM;

  const previous = input.previous;
  const previousTeams = new Map(previous?.teams.map((t) => [t.team, t.figures.inventory]) ?? []);
  const teamBaseline = (team: string): InventoryBaseline | null =>
    previous === null ? null : (previousTeams.get(team) ?? { functions: 0, imageFunctions: 0, imageShare: null });

  // A team that had functions last week stays listed (at zero) so its drop shows.
  const teams = [
    ...new Set([
      ...weeks.map((w) => w.ref.team),
      ...alerts.filter((a) => touchesWindow(a, window)).map(alertTeam),
      ...[...previousTeams].filter(([, inventory]) => inventory.functions > 0).map(([team]) => team),
    ]),
  ].sort(compareStrings);

  const limit = input.config.listLimit;
  return {
    week: input.week,
    timeZone: input.timeZone,
    start: start.toISOString(),
    end: end.toISOString(),
    asOf: asOf.toISOString(),
    provisional: asOf < end,
    fleet: sectionFigures(weeks, alerts, window, previous?.fleet.inventory ?? null, limit),
    teams: teams.map((team) => ({
      team,
      figures: sectionFigures(
        weeks.filter((w) => w.ref.team === team),
        alerts.filter((a) => alertTeam(a) === team),
        window,
        teamBaseline(team),
        limit,
      ),
    })),
    collection: collectionFigures(input.pollRuns, window),
  };
}

function touchesWindow(alert: ReportAlert, window: ReportWindow): boolean {
  return alert.openedAt < window.asOf && (alert.resolvedAt === null || alert.resolvedAt >= window.start);
}
